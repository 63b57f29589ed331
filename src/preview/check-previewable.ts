import type { AlertTrigger } from '../normalize/notification.ts';
import type { SubscriptionDraft } from '../rules/rule.ts';
import { usageError } from '../rules/usage-error.ts';

const PREVIEWABLE: readonly AlertTrigger[] = ['alert-raised', 'alert-updated'];

/**
 * The alert trigger of a draft that can be previewed, or a usage error saying why not: only alerts
 * can be listed back, and the listing does not say what an update changed.
 */
export function checkPreviewable(draft: SubscriptionDraft): AlertTrigger {
  const trigger = PREVIEWABLE.find((name) => name === draft.trigger);
  if (trigger === undefined) {
    throw usageError(
      `only alert rules can be previewed (${PREVIEWABLE.join(', ')}): Sekoia.io keeps no list of past ${draft.trigger} events to count`,
    );
  }
  if (draft.conditions.some((condition) => condition.key === 'change')) {
    throw usageError(
      'a rule on change= cannot be previewed: the alert listing does not say what each update changed',
    );
  }
  return trigger;
}
