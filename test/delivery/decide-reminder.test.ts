import { describe, expect, it } from 'vitest';
import type { CardRecord } from '../../src/delivery/card-store.ts';
import { decideReminder } from '../../src/delivery/decide-reminder.ts';
import type { ReminderJob } from '../../src/delivery/reminder-job.ts';
import type { Rule } from '../../src/rules/rule.ts';
import { ALERT_STATUSES } from '../../src/sekoia/workflow-constants.ts';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const MINUTE = 60_000;
const channel = { platform: 'mattermost', team: 't1', channel: 'soc' };
const job: ReminderJob = { alertUuid: 'a1', channel, ruleId: 'r7k2', stage: 'remind', postedAt: T0 };
const record: CardRecord = {
  alertUuid: 'a1',
  channel,
  messageId: 'p1',
  creatingSince: T0,
  ruleId: 'r7k2',
  ruleName: null,
  status: 'Pending',
  shownAt: T0,
};
const rule: Rule = {
  id: 'r7k2',
  channel,
  trigger: 'alert-raised',
  conditions: [],
  notify: { mentions: [{ name: 'oncall' }, { name: 'sre' }], minUrgency: 'high' },
  remind: { afterMs: 15 * MINUTE, escalate: { mentions: [{ name: 'leads' }], afterMs: 30 * MINUTE } },
  createdBy: { id: 'u1', name: 'alice' },
  createdAt: T0 - MINUTE,
  mute: null,
  matchCount: 1,
  lastMatchAt: T0,
};
const pending = { ...ALERT_STATUSES.pending };
const base = { job, record, rule, status: pending, shortId: 'ALx1', now: T0 + 15 * MINUTE };

describe('decideReminder', () => {
  it('reminds the rule’s --notify names (whatever their urgency threshold), escalates to --escalate names', () => {
    expect(decideReminder(base)).toEqual({
      send: true,
      messageId: 'p1',
      note: {
        stage: 'remind',
        shortId: 'ALx1',
        ageMs: 15 * MINUTE,
        mentions: [{ name: 'oncall' }, { name: 'sre' }],
      },
    });
    const escalate = decideReminder({ ...base, job: { ...job, stage: 'escalate' }, now: T0 + 31 * MINUTE });
    expect(escalate).toMatchObject({
      send: true,
      note: { stage: 'escalate', ageMs: 31 * MINUTE, mentions: [{ name: 'leads' }] },
    });
    const { notify: _none, ...withoutNotify } = rule;
    expect(decideReminder({ ...base, rule: withoutNotify })).toMatchObject({
      send: true,
      note: { mentions: [] },
    });
  });

  it('a custom status label on the Pending status still counts as pending', () => {
    const custom = { uuid: ALERT_STATUSES.pending.uuid, name: 'To triage' };
    expect(decideReminder({ ...base, status: custom }).send).toBe(true);
  });

  it.each([
    ['acknowledged', { status: { ...ALERT_STATUSES.acknowledged } }, 'not pending'],
    ['closed', { status: { ...ALERT_STATUSES.closed } }, 'not pending'],
    ['unknown status', { status: undefined }, 'not pending'],
    ['a status the bot cannot place', { status: { uuid: 'x', name: 'Weird' } }, 'not pending'],
    ['no card', { record: undefined }, 'card gone'],
    ['a card still being posted', { record: { ...record, messageId: null } }, 'card gone'],
    ['a deleted rule', { rule: undefined }, 'rule gone'],
    [
      'a rule of another channel (id reused)',
      { rule: { ...rule, channel: { ...channel, channel: 'ops' } } },
      'rule gone',
    ],
    ['a plan removed', { rule: { ...rule, remind: undefined } }, 'plan removed'],
    [
      'an escalation removed',
      {
        job: { ...job, stage: 'escalate' as const },
        rule: { ...rule, remind: { afterMs: MINUTE, escalate: null } },
      },
      'plan removed',
    ],
    [
      'a muted rule',
      { rule: { ...rule, mute: { until: T0 + 16 * MINUTE, by: { id: 'u', name: 'bob' } } } },
      'rule muted',
    ],
  ])('says nothing for %s', (_case, change, reason) => {
    const input = { ...base, ...change } as Parameters<typeof decideReminder>[0];
    expect(decideReminder(input)).toEqual({ send: false, reason });
  });

  it('a mute that has run out does not hold the reminder back', () => {
    const expired = { ...rule, mute: { until: T0, by: { id: 'u', name: 'bob' } } };
    expect(decideReminder({ ...base, rule: expired }).send).toBe(true);
  });
});
