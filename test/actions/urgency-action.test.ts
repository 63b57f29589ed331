import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberRoles } from '../../src/access/member-roles.ts';
import type { ActionContext, ThreadNote } from '../../src/actions/action-context.ts';
import type { ActingUser, UrgencyNote } from '../../src/actions/action-outcome.ts';
import type { ActionServices } from '../../src/actions/card-action.ts';
import { recordSekoiaChange } from '../../src/actions/record-sekoia-change.ts';
import { urgencyAction } from '../../src/actions/urgency-action.ts';
import { createManualClock } from '../../src/clock.ts';
import type { AlertState } from '../../src/delivery/alert-state-store.ts';
import { createLogger } from '../../src/log.ts';
import { summarizeAlert } from '../../src/normalize/normalize-alert.ts';
import { PLATFORM_NAMES } from '../../src/platforms/platform-list.ts';
import { BOT_PERMISSIONS } from '../fakes/fake-sekoia/index.ts';
import { type SekoiaHarness, startSekoiaHarness } from '../sekoia/start-sekoia-harness.ts';

const log = createLogger({ level: 'silent' });
const clock = createManualClock(Date.UTC(2026, 2, 2, 9, 0, 0));
const alice: ActingUser = { id: 'u1', name: 'alice', platform: 'mattermost' };

let harness: SekoiaHarness;
beforeEach(async () => {
  harness = await startSekoiaHarness({ fake: { clock } });
});
afterEach(() => harness.close());

/** The real client on the fake Sekoia.io, and an alert state kept in memory as the card store keeps it. */
function servicesFor(states: Map<string, AlertState>): ActionServices {
  return {
    sekoia: harness.client,
    workflow: { read: async () => ({ source: 'standard', actions: [] }) },
    states: {
      get: async (uuid) => states.get(uuid),
      offer: async (state) => {
        states.set(state.notification.alert.uuid, state);
        return state;
      },
    },
    rules: {
      get: async () => undefined,
      setMute: async () => undefined,
      editConditions: async () => undefined,
    },
    clock,
    platforms: PLATFORM_NAMES,
    appUrl: 'https://app.sekoia.io',
    log,
  };
}

function click(alertUuid: string, fields: Record<string, unknown>, notes: (ThreadNote | UrgencyNote)[] = []) {
  const ctx: ActionContext = {
    grant: {
      action: 'urgency',
      alertUuid,
      platform: 'mattermost',
      channel: 'c1',
      messageId: 'p1',
      ruleId: 'r1',
      expiresAt: Number.MAX_SAFE_INTEGER,
    },
    user: alice,
    fields,
    readRoles: async (): Promise<MemberRoles> => {
      throw new Error('the runner checks access, not the action');
    },
    announce: async () => undefined,
    noteInThread: async (note) => {
      if ('kind' in note && note.kind === 'exclusion') return;
      notes.push(note);
    },
    tellLater: async () => undefined,
  };
  return ctx;
}

/** An alert the card already shows at urgency 60. */
async function shownAlert(states: Map<string, AlertState>) {
  const alert = harness.fake.addAlert({
    urgency: { current_value: 60, value: 60, severity: 60, criticity: 60, display: 'Major' },
  });
  const summary = summarizeAlert(await harness.client.getAlert(alert.uuid), 'https://app.sekoia.io');
  states.set(alert.uuid, {
    notification: { kind: 'alert', alert: summary } as AlertState['notification'],
    activity: null,
  });
  return alert;
}

const writes = () => harness.fake.requests.filter((r) => r.method !== 'GET');

describe('Change urgency from a card', () => {
  it('sets the urgency, comments the reason in the user’s name, shows it on the card and notes it in the thread', async () => {
    harness.fake.setPermissions(harness.fake.apiKey, [...BOT_PERMISSIONS, 'SIC_WRITE_ALERTS']);
    const states = new Map<string, AlertState>();
    const alert = await shownAlert(states);
    const notes: (ThreadNote | UrgencyNote)[] = [];
    const ctx = click(alert.uuid, { urgency: '85', reason: 'C2 confirmed on WS-114' }, notes);
    const outcome = await urgencyAction.run(ctx, servicesFor(states));
    expect(outcome).toMatchObject({
      ok: true,
      message: `${alert.short_id}: urgency set to 85 in Sekoia.io.`,
    });
    const stored = harness.fake.getAlert(alert.uuid);
    expect(stored?.urgency.current_value).toBe(85);
    expect(stored?.history.at(-1)).toMatchObject({ alert: { urgency: 85, previous_urgency: 60 } });
    expect(stored?.comments.map((c) => [c.content, c.author])).toEqual([
      [
        'Urgency changed from 60 to 85 from Mattermost by @alice: C2 confirmed on WS-114',
        'Mattermost: alice',
      ],
    ]);
    expect(states.get(alert.uuid)?.notification.alert.urgency).toBe(85);
    expect(states.get(alert.uuid)?.activity).toMatchObject({ verb: 'Urgency set to 85', by: 'alice' });
    if (outcome.ok) await urgencyAction.follow?.(ctx, outcome);
    expect(notes).toEqual([
      {
        kind: 'urgency',
        by: 'alice',
        alert: alert.short_id,
        from: 60,
        to: 85,
        reason: 'C2 confirmed on WS-114',
      },
    ]);
  });

  it.each([
    [{ urgency: '101', reason: 'r' }, /whole number from 0 to 100/],
    [{ urgency: 'high', reason: 'r' }, /whole number from 0 to 100/],
    [{ urgency: 50, reason: ' ' }, /1 to 2000 characters/],
  ])('refuses %j before sending anything', async (fields, message) => {
    harness.fake.setPermissions(harness.fake.apiKey, [...BOT_PERMISSIONS, 'SIC_WRITE_ALERTS']);
    const states = new Map<string, AlertState>();
    const alert = await shownAlert(states);
    const outcome = await urgencyAction.run(click(alert.uuid, fields), servicesFor(states));
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(message) });
    expect(writes()).toEqual([]);
    expect(harness.fake.getAlert(alert.uuid)?.urgency.current_value).toBe(60);
  });

  it('says the key may not edit alerts when it lacks SIC_WRITE_ALERTS, and changes nothing', async () => {
    const states = new Map<string, AlertState>();
    const alert = await shownAlert(states);
    const recorder = recordSekoiaChange(harness.client);
    const outcome = await urgencyAction.run(click(alert.uuid, { urgency: 90, reason: 'r' }), {
      ...servicesFor(states),
      sekoia: recorder.sekoia,
    });
    expect(outcome).toEqual({
      ok: false,
      message: expect.stringMatching(/^Could not change the urgency: .*API key is not allowed/),
    });
    expect(recorder.changed()).toBe(false);
    expect(harness.fake.getAlert(alert.uuid)?.urgency.current_value).toBe(60);
    expect(harness.fake.getAlert(alert.uuid)?.comments).toEqual([]);
  });
});
