import type { CompactSummary } from '../normalize/notification.ts';
import type { CompactTrigger } from '../triggers/trigger-table.ts';

/** A compact card (report, rule added, intake silent, playbook error) as platforms render it. */
export interface CompactCard extends CompactSummary {
  trigger: CompactTrigger;
  /** What the card is about (one card per subject per channel). */
  subject: string;
  /** The channel's rule that matched. */
  matchedRule: { id: string; name: string | undefined };
}
