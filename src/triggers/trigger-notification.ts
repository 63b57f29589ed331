import type { CompactSummary, EventRef } from '../normalize/notification.ts';

/** A report, a rule added to the catalog, a silent intake, a playbook error: a compact card. */
export interface TriggerNotification<Facts extends { trigger: string } = { trigger: string }> {
  kind: 'trigger';
  trigger: Facts['trigger'];
  event: EventRef;
  /**
   * What the card is about: one card per subject per channel; a later notification with the same
   * subject edits it (an intake's silence, then "events are back").
   */
  subject: string;
  /** What the rules are matched against, typed by the trigger's condition keys. */
  facts: Facts;
  summary: CompactSummary;
}
