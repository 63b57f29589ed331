import { describe, expect, it } from 'vitest';
import { createAccessGuard } from '../../src/access/create-access-guard.ts';
import type { MemberRoles } from '../../src/access/member-roles.ts';
import type { ActionGrant } from '../../src/actions/action-grant.ts';
import type { ActingUser, ActionOutcome } from '../../src/actions/action-outcome.ts';
import { ACTION_TABLE, type CardActionKey } from '../../src/actions/action-table.ts';
import type { ActionServices, CardAction } from '../../src/actions/card-action.ts';
import { createActionRunner, FAILED_ON_OUR_SIDE } from '../../src/actions/create-action-runner.ts';
import { createLogger } from '../../src/log.ts';
import { PLATFORM_NAMES } from '../../src/platforms/platform-list.ts';
import { createMemoryAccessStore, GUEST, MEMBER } from '../access/memory-access-store.ts';

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
function sekoiaPort(input: { delayMs: number; fail?: boolean }): ActionServices['sekoia'] {
  const unused = () => Promise.reject(new Error('not used here'));
  return {
    getAlert: unused,
    patchWorkflow: unused,
    patchAlert: unused,
    postComment: async () => {
      await later(input.delayMs, undefined);
      if (input.fail) throw new Error('refused');
      return { uuid: 'c-1', content: 'x', author: 'alice', date: 0 };
    },
  };
}

/** The real table, but a comment that goes through the port, then (optionally) breaks after it, and a mute whose store is down. */
function tableWith(breakAfter: boolean): Record<CardActionKey, CardAction> {
  const comment: CardAction = {
    ...ACTION_TABLE.comment,
    run: async ({ grant: g, text }, { sekoia }) => {
      try {
        await sekoia.postComment(g.alertUuid, { content: text ?? '' });
      } catch {
        return { ok: false, message: 'Could not add the comment.' };
      }
      if (breakAfter) throw new Error('broke after the change');
      return { ok: true, message: 'Comment added in Sekoia.io.' };
    },
  };
  const mute: CardAction = {
    ...ACTION_TABLE.mute,
    run: async () => {
      throw new Error('store down');
    },
  };
  return { ...ACTION_TABLE, comment, mute };
}

function runner(sekoia: ActionServices['sekoia'], breakAfter = false, store = createMemoryAccessStore()) {
  const unused = () => Promise.reject(new Error('not used here'));
  return createActionRunner({
    access: createAccessGuard({ store }),
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
    table: tableWith(breakAfter),
    refreshCards: async () => undefined,
    deadlineMs: 50,
    log,
  });
}

/** The chat side of a click that nothing here looks at. */
const quiet = {
  announce: async () => undefined,
  noteInThread: async () => undefined,
  readRoles: async (): Promise<MemberRoles> => MEMBER,
};

describe('the click runner', () => {
  it('answers with the outcome when the action ends within the deadline', async () => {
    const notes: string[] = [];
    const answer = await runner(sekoiaPort({ delayMs: 0 })).run({
      ...quiet,
      grant: grant('comment'),
      user,
      text: 'hello',
      noteInThread: async () => {
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
      ...quiet,
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
      ...quiet,
      grant: grant('comment'),
      user,
      text: 'hello',
      noteInThread: () => Promise.reject(new Error('thread note refused')),
      tellLater: async () => undefined,
    });
    expect(answer).toEqual({ settled: true, outcome: { ok: true, message: 'Comment added in Sekoia.io.' } });
  });

  it('says it failed on our side, nothing changed, when the action throws before any change', async () => {
    const answer = await runner(sekoiaPort({ delayMs: 0 })).run({
      ...quiet,
      grant: grant('mute'),
      user,
      tellLater: async () => undefined,
    });
    expect(answer).toEqual({ settled: true, outcome: { ok: false, message: FAILED_ON_OUR_SIDE } });
  });

  it("refuses a guest's click before anything runs: no Sekoia.io call, no note, the reason told", async () => {
    const calls: string[] = [];
    const sekoia = {
      ...sekoiaPort({ delayMs: 0 }),
      postComment: async () => {
        calls.push('postComment');
        return { uuid: 'c-1', content: 'x', author: 'alice', date: 0 };
      },
    };
    const answer = await runner(sekoia).run({
      ...quiet,
      readRoles: async () => GUEST,
      grant: grant('comment'),
      user,
      text: 'hello',
      noteInThread: async () => {
        calls.push('note');
      },
      tellLater: async () => undefined,
    });
    expect(answer).toEqual({
      settled: true,
      outcome: { ok: false, message: 'Guests cannot act on alerts.' },
    });
    expect(calls).toEqual([]);
  });

  it('refuses, and says to try again, when the platform cannot say who the clicker is (fail closed)', async () => {
    const answer = await runner(sekoiaPort({ delayMs: 0 })).run({
      ...quiet,
      readRoles: () => Promise.reject(new Error('Mattermost down')),
      grant: grant('comment'),
      user,
      text: 'hello',
      tellLater: async () => undefined,
    });
    expect(answer).toEqual({
      settled: true,
      outcome: {
        ok: false,
        message: expect.stringMatching(/^Could not check your role .* Try again in a moment\.$/),
      },
    });
  });

  it('lets only admins act in a channel set to admins', async () => {
    const store = createMemoryAccessStore();
    await store.set({ platform: 'mattermost', channel: 'c1' }, { level: 'admins' });
    const click = (roles: MemberRoles) =>
      runner(sekoiaPort({ delayMs: 0 }), false, store).run({
        ...quiet,
        readRoles: async () => roles,
        grant: grant('comment'),
        user,
        text: 'hello',
        tellLater: async () => undefined,
      });
    expect(await click(MEMBER)).toEqual({
      settled: true,
      outcome: {
        ok: false,
        message: 'Only channel admins can act on alerts in this channel (access: admins).',
      },
    });
    expect(await click({ ...MEMBER, admin: true })).toEqual({
      settled: true,
      outcome: { ok: true, message: 'Comment added in Sekoia.io.' },
    });
  });
});
