import { describe, expect, it } from 'vitest';
import { INTERACTIVE } from '../../src/actions/card-action.ts';
import { recordSekoiaChange } from '../../src/actions/record-sekoia-change.ts';
import type { RequestOptions } from '../../src/sekoia/sekoia-api.ts';

describe('recordSekoiaChange (the Sekoia.io port of one click)', () => {
  it('notes an accepted change and keeps the click’s priority on every changing call', async () => {
    const seen: [string, RequestOptions | undefined][] = [];
    const recorder = recordSekoiaChange({
      patchWorkflow: async (_uuid, _input, options) => {
        seen.push(['workflow', options]);
      },
      patchAlert: async (_uuid, _input, options) => {
        seen.push(['alert', options]);
      },
      postComment: async (_uuid, input, options) => {
        seen.push(['comment', options]);
        return { uuid: 'c1', content: input.content, author: 'a', date: 0 };
      },
    });
    expect(recorder.changed()).toBe(false);
    await recorder.sekoia.patchWorkflow('a-1', { actionUuid: 'x' }, INTERACTIVE);
    await recorder.sekoia.patchAlert('a-1', { urgency: 5 }, INTERACTIVE);
    await recorder.sekoia.postComment('a-1', { content: 'c' }, INTERACTIVE);
    expect(recorder.changed()).toBe(true);
    expect(seen).toEqual([
      ['workflow', INTERACTIVE],
      ['alert', INTERACTIVE],
      ['comment', INTERACTIVE],
    ]);
  });
});
