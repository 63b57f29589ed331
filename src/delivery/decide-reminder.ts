import type { Rule } from '../rules/rule.ts';
import { sameChannel } from '../rules/rule-store.ts';
import { type StatusRef, standardStatusKey } from '../sekoia/standard-workflow.ts';
import type { ReminderNote } from './card-sink.ts';
import type { CardRecord } from './card-store.ts';
import type { ReminderJob } from './reminder-job.ts';

export type ReminderDecision =
  | { send: true; messageId: string; note: ReminderNote }
  | { send: false; reason: 'card gone' | 'rule gone' | 'plan removed' | 'rule muted' | 'not pending' };

/**
 * Whether a reminder that came due is said, and what: only while the card is there, its rule still
 * asks for this stage and is not muted, and the alert is still Pending (acknowledged or beyond, from
 * chat or from Sekoia.io, ends the reminders; a status the bot cannot place is not nagged about).
 * The reminder pings the rule's `--notify` names (whatever their urgency threshold), the escalation
 * its `--escalate` names, as the rule says now.
 */
export function decideReminder(input: {
  job: ReminderJob;
  record: CardRecord | undefined;
  rule: Rule | undefined;
  status: StatusRef | undefined;
  shortId: string | undefined;
  now: number;
}): ReminderDecision {
  const { job, record, rule } = input;
  if (record === undefined || record.messageId === null) return { send: false, reason: 'card gone' };
  if (rule === undefined || !sameChannel(rule.channel, job.channel))
    return { send: false, reason: 'rule gone' };
  const plan = rule.remind;
  if (plan === undefined || (job.stage === 'escalate' && plan.escalate === null)) {
    return { send: false, reason: 'plan removed' };
  }
  if (rule.mute !== null && rule.mute.until > input.now) return { send: false, reason: 'rule muted' };
  if (input.status === undefined || standardStatusKey(input.status) !== 'pending') {
    return { send: false, reason: 'not pending' };
  }
  const names = job.stage === 'remind' ? rule.notify?.mentions : plan.escalate?.mentions;
  return {
    send: true,
    messageId: record.messageId,
    note: {
      stage: job.stage,
      shortId: input.shortId,
      ageMs: Math.max(0, input.now - job.postedAt),
      mentions: names ?? [],
    },
  };
}
