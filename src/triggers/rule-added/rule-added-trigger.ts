import { type FactsOf, type KeySpecs, PERCENT } from '../key-spec.ts';
import { defineTrigger } from '../trigger-definition.ts';
import { normalizeRuleAdded } from './normalize-rule-added.ts';

const RULE_ADDED_KEYS = {
  name: { kind: 'text', example: 'name~ransomware' },
  description: { kind: 'text', example: 'description~phishing' },
  pattern: { kind: 'text', example: 'pattern~powershell' },
  severity: { kind: 'number', example: 'severity>=75', ...PERCENT },
} as const satisfies KeySpecs;

export type RuleAddedFacts = FactsOf<'rule-added', typeof RULE_ADDED_KEYS>;

/** WebHook types of a rule added to the catalog (undocumented: reference sekoia-api §10.1). */
const CATALOG_TYPES: ReadonlySet<string> = new Set(['rule', 'rules-catalog', 'catalog-rule']);

/** A rule new in the Rules Catalog: from its WebHook, or found by the catalog watcher. */
export const ruleAddedTrigger = defineTrigger({
  name: 'rule-added',
  label: 'Rule added',
  keys: RULE_ADDED_KEYS,
  fromWebhook: async ({ event, attributes, appUrl, ports }) => {
    if (!CATALOG_TYPES.has(event.type) || typeof attributes.uuid !== 'string' || !ports.catalogRules)
      return undefined;
    // The same path as the catalog poll: its card subject is the rule, so a later poll edits, never reposts.
    const rule = await ports.catalogRules.read(attributes.uuid);
    return normalizeRuleAdded({ event, rule, appUrl });
  },
  watcher: 'watchers/create-rules-catalog-watch.ts (job `rule-added`)',
});
