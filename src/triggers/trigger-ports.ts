import type { IntakeSilence } from './intake-silent/normalize-intake-silence.ts';
import type { IntakeInactivity } from './intake-silent/read-intake-inactivity.ts';
import type { ReportFields } from './report/normalize-report.ts';
import type { CatalogRuleFields } from './rule-added/normalize-rule-added.ts';

/** The Sekoia.io reads WebHook triggers may need; absent ones make their trigger keep the event as "other". */
export interface TriggerPorts {
  /** Reads a report through the Intelligence API. */
  reports?: { read(uuid: string): Promise<ReportFields> };
  /** Reads a Rules Catalog rule. */
  catalogRules?: { read(uuid: string): Promise<CatalogRuleFields> };
  /** Turns Sekoia.io's "no events" WebHook into the silence the intake-silence poll reports. */
  intakeSilences?: { open(inactivity: IntakeInactivity): Promise<IntakeSilence> };
}
