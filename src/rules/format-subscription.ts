import { formatDuration } from './parse-duration.ts';
import type { Condition, Mention, RemindPlan, SubscriptionDraft } from './rule.ts';

/** Characters that make a value need quotes to be read back as typed. */
const NEEDS_QUOTES = /[\s,"'“”„‘’\\=~<>!]|^-/;

/** A value as the parser reads it back: bare when it can be, else in double quotes with `\` escapes. */
export function formatValue(value: string): string {
  if (value !== '' && !NEEDS_QUOTES.test(value)) return value;
  return `"${value.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}

export function formatCondition(condition: Condition): string {
  return `${condition.key}${condition.op}${condition.values.map(formatValue).join(',')}`;
}

/** `urgency>=high entity="Lyon HQ"`: the conditions in canonical command syntax, on one line. */
export function formatConditions(conditions: readonly Condition[]): string {
  return conditions.map(formatCondition).join(' ');
}

/**
 * `@oncall`, or `@Alice Martin` for a mention by id (its display name, as the platform gave it:
 * plain text, which each platform escapes where it shows it, so that it pings nobody there).
 */
export function formatMention(mention: Mention): string {
  return `@${mention.name}`;
}

/**
 * `alert-raised urgency>=high entity="Lyon HQ" --name "Lyon"`: the one-line summary of a rule,
 * which parseSubscription reads back into the same draft (but for mentions by id, which are picked
 * from the platform's list, not typed).
 */
export function formatSubscription(draft: SubscriptionDraft): string {
  const parts = [draft.trigger, formatConditions(draft.conditions)];
  if (draft.name !== undefined) parts.push(`--name ${formatValue(draft.name)}`);
  if (draft.notify !== undefined) {
    parts.push(`--notify ${draft.notify.mentions.map(formatMention).join(',')}`);
    if (draft.notify.minUrgency !== null) parts.push(`--notify-urgency ${draft.notify.minUrgency}`);
  }
  if (draft.remind !== undefined) parts.push(formatRemindPlan(draft.remind));
  return parts.filter((part) => part !== '').join(' ');
}

/** `--remind 15m --escalate @secops-leads 30m`, read back by the parser into the same plan. */
export function formatRemindPlan(plan: RemindPlan): string {
  const remind = `--remind ${formatDuration(plan.afterMs)}`;
  if (plan.escalate === null) return remind;
  const names = plan.escalate.mentions.map(formatMention).join(',');
  return `${remind} --escalate ${names} ${formatDuration(plan.escalate.afterMs)}`;
}
