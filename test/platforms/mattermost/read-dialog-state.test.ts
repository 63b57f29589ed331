import { describe, expect, it } from 'vitest';
import { readDialogState } from '../../../src/platforms/mattermost/read-dialog-state.ts';

describe('readDialogState', () => {
  it('reads the signed payload and the clicked post of a dialog opened now', () => {
    expect(readDialogState({ g: { v: 2, a: 'comment' }, p: 'post1' })).toEqual({
      payload: { v: 2, a: 'comment' },
      messageId: 'post1',
    });
  });

  it('reads a dialog opened before version 2: the bare payload, whose m names the post', () => {
    expect(readDialogState({ v: 1, a: 'comment', m: 'post1' })).toEqual({
      payload: { v: 1, a: 'comment', m: 'post1' },
      messageId: 'post1',
    });
  });

  it('gives no post for anything else (the signer then refuses it)', () => {
    expect(readDialogState('text')).toEqual({ payload: 'text', messageId: '' });
    expect(readDialogState({ g: {}, p: 42 })).toEqual({ payload: {}, messageId: '' });
  });
});
