import { formatMention } from './format-subscription.ts';
import { type DurationLimits, formatDuration, parseDuration } from './parse-duration.ts';
import { type ResolveMention, readMentions } from './read-notify-option.ts';
import type { RemindPlan } from './rule.ts';
import type { Trigger } from './triggers.ts';
import { usageError } from './usage-error.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A reminder is for a shift to notice: from a minute to a day after the card. */
export const REMIND_LIMITS: DurationLimits = { label: '--remind', min: MINUTE, max: DAY };
/** Later than the reminder, and within the 7 days a mute may last (and the queue keeps dedupe keys). */
export const ESCALATE_LIMITS: DurationLimits = { label: '--escalate', min: 2 * MINUTE, max: 7 * DAY };
/** The triggers whose matches post alert cards: the only cards with an acknowledgement to wait for. */
export const REMIND_TRIGGERS: readonly Trigger[] = ['alert-raised', 'alert-updated'];

/** What was typed: `--remind 15m [--escalate @a,@b 30m]`, or `remind <rule-id> 15m [--escalate …]`. */
export interface RemindWords {
  remind: string;
  escalate?: { names: string; after: string } | undefined;
}

/**
 * The typed plan → a RemindPlan, or a usage error quoting what is wrong. With `resolve`, each
 * escalation name is what the platform says it names (a mention by id, read-notify-option.ts).
 */
export function readRemindPlan(words: RemindWords, resolve?: ResolveMention): RemindPlan {
  const afterMs = parseDuration(words.remind, REMIND_LIMITS);
  if (words.escalate === undefined) return { afterMs, escalate: null };
  const mentions = readMentions(words.escalate.names, resolve, '--escalate');
  const escalateMs = parseDuration(words.escalate.after, ESCALATE_LIMITS);
  if (escalateMs <= afterMs) {
    throw usageError(
      `--escalate must come later than the reminder (${formatDuration(afterMs)}), got ${formatDuration(escalateMs)}`,
    );
  }
  return { afterMs, escalate: { mentions, afterMs: escalateMs } };
}

/**
 * `subscribe`'s `--remind` and `--escalate` (its names, then its delay), each undefined when not
 * given → the rule's plan, none, or a usage error.
 */
export function readRemindOptions(
  trigger: Trigger,
  typed: { remind: string | undefined; names: string | undefined; after: string | undefined },
  resolve?: ResolveMention,
): RemindPlan | undefined {
  const { remind, names } = typed;
  if (remind === undefined && names === undefined) return undefined;
  checkRemindTrigger(trigger);
  if (remind === undefined) {
    throw usageError('--escalate needs --remind first, e.g. --remind 15m --escalate @leads 30m');
  }
  const escalate = names === undefined ? undefined : { names, after: typed.after ?? '' };
  return readRemindPlan({ remind, escalate }, resolve);
}

/** Reminders wait for an acknowledgement: only rules that post alert cards can have them. */
export function checkRemindTrigger(trigger: Trigger): void {
  if (!REMIND_TRIGGERS.includes(trigger)) {
    throw usageError(
      `--remind only works with ${REMIND_TRIGGERS.join(' and ')}: other triggers post no alert card to acknowledge`,
    );
  }
}

/** `reminds after 15m, escalates to @secops-leads after 30m`, for `rules` and announcements. */
export function describeRemindPlan(plan: RemindPlan): string {
  const remind = `reminds after ${formatDuration(plan.afterMs)}`;
  if (plan.escalate === null) return remind;
  const names = plan.escalate.mentions.map(formatMention).join(', ');
  return `${remind}, escalates to ${names} after ${formatDuration(plan.escalate.afterMs)}`;
}
