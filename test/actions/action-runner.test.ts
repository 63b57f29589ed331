import { describe, expect, it } from 'vitest';
import type { ActionGrant } from '../../src/actions/action-grant.ts';
import type { ActingUser, ActionOutcome } from '../../src/actions/action-outcome.ts';
import { createActionRunner, FAILED_ON_OUR_SIDE } from '../../src/actions/create-action-runner.ts';
import type { CardActions, CreateCardActionsOptions } from '../../src/actions/create-card-actions.ts';
import { createLogger } from '../../src/log.ts';

const log = createLogger({ level: 'silent' });
const user: ActingUser = { id: 'u1', name: 'alice', platform: 'mattermost' };
const grant = (action: ActionGrant['action']): ActionGrant => ({
  action,
  alertUuid: 'a-1',
  platform: 'mattermost',
  channel: 'c1',
  messageId: 'p1',
  ruleId: 'r1',
  expiresAt: Number.MAX_SAFE_INTEGER,
});
const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

/** A Sekoia.io port whose comment call takes `delayMs` and then succeeds or fails. */
function sekoiaPort(input: { delayMs: number; fail?: boolean }): CreateCardActionsOptions['sekoia'] {
  const unused = () => Promise.reject(new Error('not used here'));
  return {
    getAlert: unused,
    patchWorkflow: unused,
    postComment: async () => {
      await later(input.delayMs, undefined);
      if (input.fail) throw new Error('refused');
      return { uuid: 'c-1', content: 'x', author: 'alice', date: 0 };
    },
  };
}

/** Card actions whose comment goes through the port, then (optionally) breaks after it. */
function actionsOver(sekoia: CreateCardActionsOptions['sekoia'], breakAfter = false): CardActions {
  return {
    transition: () => Promise.reject(new Error('not used here')),
    muteRule: async () => {
      throw new Error('store down');
    },
    comment: async (g, _user, text) => {
      try {
        await sekoia.postComment(g.alertUuid, { content: text });
      } catch {
        return { ok: false, message: 'Could not add the comment.' };
      }
      if (breakAfter) throw new Error('broke after the change');
      return { ok: true, message: 'Comment added in Sekoia.io.' };
    },
  };
}

function runner(sekoia: CreateCardActionsOptions['sekoia'], breakAfter = false) {
  return createActionRunner({
    sekoia,
    createActions: (port) => actionsOver(port, breakAfter),
    states: { get: async () => undefined },
    refreshCards: async () => undefined,
    deadlineMs: 50,
    log,
  });
}

describe('the click runner', () => {
  it('answers with the outcome when the action ends within the deadline', async () => {
    const notes: string[] = [];
    const answer = await runner(sekoiaPort({ delayMs: 0 })).run({
      grant: grant('comment'),
      user,
      text: 'hello',
      onSuccess: async () => {
        notes.push('noted');
      },
      tellLater: async () => undefined,
    });
    expect(answer).toEqual({ settled: true, outcome: { ok: true, message: 'Comment added in Sekoia.io.' } });
    expect(notes).toEqual(['noted']);
  });

  it('answers "…ing" at the deadline, then follows up and tells the clicker how it ended', async () => {
    const told: ActionOutcome[] = [];
    const started = performance.now();
    const answer = await runner(sekoiaPort({ delayMs: 500, fail: true })).run({
      grant: grant('comment'),
      user,
      text: 'hello',
      tellLater: async (outcome) => {
        told.push(outcome);
      },
    });
    expect(performance.now() - started).toBeLessThan(400);
    expect(answer).toEqual({ settled: false, message: expect.stringMatching(/^Adding your comment to a-1/) });
    await expect.poll(() => told).toEqual([{ ok: false, message: 'Could not add the comment.' }]);
  });

  it('reports an accepted change as done although what followed threw, and a follow-up failure as nothing', async () => {
    const answer = await runner(sekoiaPort({ delayMs: 0 }), true).run({
      grant: grant('comment'),
      user,
      text: 'hello',
      onSuccess: () => Promise.reject(new Error('thread note refused')),
      tellLater: async () => undefined,
    });
    expect(answer).toEqual({ settled: true, outcome: { ok: true, message: 'Comment added in Sekoia.io.' } });
  });

  it('says it failed on our side, nothing changed, when the action throws before any change', async () => {
    const answer = await runner(sekoiaPort({ delayMs: 0 })).run({
      grant: grant('mute'),
      user,
      tellLater: async () => undefined,
    });
    expect(answer).toEqual({ settled: true, outcome: { ok: false, message: FAILED_ON_OUR_SIDE } });
  });
});
