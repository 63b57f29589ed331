import type { EventRef } from '../../normalize/notification.ts';
import { catalogRuleLink } from '../../normalize/sekoia-links.ts';
import type { TriggerNotification } from '../trigger-notification.ts';
import type { RuleAddedFacts } from './rule-added-trigger.ts';

export interface CatalogRuleFields {
  uuid: string;
  name: string;
  description: string | undefined;
  /** The rule body (Sigma, STIX pattern…), shown shortened. */
  pattern: string | undefined;
  /** 0–100 */
  severity: number | undefined;
}

/** A rule newly added to the Rules Catalog → its compact card and the facts of `rule-added` rules. */
export function normalizeRuleAdded(input: {
  event: EventRef;
  rule: CatalogRuleFields;
  appUrl: string;
}): TriggerNotification<RuleAddedFacts> {
  const { rule } = input;
  const severity = rule.severity;
  return {
    kind: 'trigger',
    trigger: 'rule-added',
    event: input.event,
    subject: `rule-added:${rule.uuid}`,
    facts: {
      trigger: 'rule-added',
      name: [rule.name],
      description: rule.description === undefined ? [] : [rule.description],
      pattern: rule.pattern === undefined ? [] : [rule.pattern],
      severity,
    },
    summary: {
      title: `New rule in the catalog: ${rule.name}`,
      link: catalogRuleLink(input.appUrl, rule.uuid),
      linkLabel: 'Open the rule in Sekoia.io',
      tone:
        severity !== undefined && severity >= 75
          ? 'danger'
          : severity !== undefined && severity >= 50
            ? 'warning'
            : 'info',
      badge: severity === undefined ? undefined : `severity ${severity}`,
      facts: severity === undefined ? [] : [{ title: 'Severity', value: String(severity) }],
      text: rule.description,
    },
  };
}
