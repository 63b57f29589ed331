import type { UrgencyLevel } from '../normalize/notification.ts';
import type { Mention, NotifyList } from '../rules/rule.ts';

const RANK: Readonly<Record<UrgencyLevel, number>> = { low: 0, medium: 1, high: 2 };

/**
 * Who a new card pings: the rule's `--notify` names when the alert's urgency reaches the rule's
 * threshold (an alert of unknown urgency reaches none); nobody for a rule without `--notify`.
 */
export function cardMentions(
  notify: NotifyList | undefined,
  urgencyLevel: UrgencyLevel | undefined,
): readonly Mention[] {
  if (notify === undefined) return [];
  const { minUrgency } = notify;
  if (minUrgency !== null && (urgencyLevel === undefined || RANK[urgencyLevel] < RANK[minUrgency])) return [];
  return notify.mentions;
}
