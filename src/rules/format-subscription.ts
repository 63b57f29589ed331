import { formatRemindPlan } from './read-remind-option.ts';
import type { Condition, SubscriptionDraft } from './rule.ts';

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
 * `alert-raised urgency>=high entity="Lyon HQ" --name "Lyon"`: the one-line summary of a rule,
 * which parseSubscription reads back into the same draft.
 */
export function formatSubscription(draft: SubscriptionDraft): string {
  const parts = [draft.trigger, formatConditions(draft.conditions)];
  if (draft.name !== undefined) parts.push(`--name ${formatValue(draft.name)}`);
  if (draft.notify !== undefined) {
    parts.push(`--notify ${draft.notify.mentions.map((mention) => `@${mention.name}`).join(',')}`);
    if (draft.notify.minUrgency !== null) parts.push(`--notify-urgency ${draft.notify.minUrgency}`);
  }
  if (draft.remind !== undefined) parts.push(formatRemindPlan(draft.remind));
  return parts.filter((part) => part !== '').join(' ');
}
