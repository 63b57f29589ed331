import { describe, expect, it } from 'vitest';
import { createAccessGuard } from '../../src/access/create-access-guard.ts';
import type { ActionGrant } from '../../src/actions/action-grant.ts';
import type { ActingUser } from '../../src/actions/action-outcome.ts';
import type { ActionServices } from '../../src/actions/card-action.ts';
import { createActionRunner, RELINK_NEEDED } from '../../src/actions/create-action-runner.ts';
import type { LinkState } from '../../src/identity/create-identity-links.ts';
import { createLogger } from '../../src/log.ts';
import { PLATFORM_NAMES } from '../../src/platforms/platform-list.ts';
import type { PostCommentInput, RequestOptions } from '../../src/sekoia/sekoia-api.ts';
import { createMemoryAccessStore, MEMBER } from '../access/memory-access-store.ts';

const log = createLogger({ level: 'silent' });
const user: ActingUser = { id: 'u1', name: 'alice', platform: 'mattermost' };
const grant: ActionGrant = {
  action: 'comment',
  alertUuid: 'a-1',
  platform: 'mattermost',
  channel: 'c1',
  messageId: 'p1',
  ruleId: 'r1',
  expiresAt: Number.MAX_SAFE_INTEGER,
};

/** The real comment action over a Sekoia.io port that records each comment and the options it came with. */
function setUp(state: LinkState) {
  const comments: { input: PostCommentInput; options: RequestOptions | undefined }[] = [];
  const unused = () => Promise.reject(new Error('not used here'));
  const sekoia: ActionServices['sekoia'] = {
    getAlert: unused,
    patchWorkflow: unused,
    patchAlert: unused,
    postComment: async (_uuid, input, options) => {
      comments.push({ input, options });
      return { uuid: 'c-1', content: input.content, author: input.author ?? null, date: 0 };
    },
  };
  const runner = createActionRunner({
    access: createAccessGuard({ store: createMemoryAccessStore() }),
    services: {
      sekoia,
      workflow: { read: unused },
      states: { get: async () => undefined, offer: unused },
      rules: { get: unused, setMute: unused, editConditions: unused },
      clock: { now: () => 0 },
      platforms: PLATFORM_NAMES,
      appUrl: 'https://app.sekoia.io',
      log,
    },
    identities: { find: async () => state },
    refreshCards: async () => undefined,
    log,
  });
  const click = () =>
    runner.run({
      grant,
      user,
      text: 'Host isolated',
      announce: async () => undefined,
      noteInThread: async () => undefined,
      tellLater: async () => undefined,
      readRoles: async () => MEMBER,
    });
  return { comments, click };
}

describe('a linked clicker’s action', () => {
  it('goes with their key and their Sekoia.io name as the comment author', async () => {
    const linked = { kind: 'linked', apiKey: 'user-key', name: 'Alice Martin', linkedAt: 0 } as const;
    const { comments, click } = setUp(linked);
    expect(await click()).toMatchObject({ settled: true, outcome: { ok: true } });
    expect(comments).toEqual([
      {
        input: { content: 'Host isolated', author: 'Alice Martin' },
        options: { priority: 'interactive', apiKey: 'user-key' },
      },
    ]);
  });

  it('is refused, with nothing sent, when their sealed key no longer opens', async () => {
    const { comments, click } = setUp({ kind: 'unreadable' });
    expect(await click()).toEqual({ settled: true, outcome: { ok: false, message: RELINK_NEEDED } });
    expect(comments).toEqual([]);
  });

  it('goes with the bot’s key, signed with the chat name, when they are not linked', async () => {
    const { comments, click } = setUp({ kind: 'none' });
    await click();
    expect(comments).toEqual([
      {
        input: { content: 'Host isolated', author: 'Mattermost: alice' },
        options: { priority: 'interactive' },
      },
    ]);
  });
});
