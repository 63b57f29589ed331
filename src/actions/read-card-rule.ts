import type { Rule } from '../rules/rule.ts';
import type { RuleStore } from '../rules/rule-store.ts';
import type { ActionGrant } from './action-grant.ts';

export const RULE_GONE = 'The rule behind this card no longer exists in this channel.';

/** The rule a button names, only when it belongs to the button's channel (a rule of another channel is refused). */
export async function readCardRule(
  rules: Pick<RuleStore, 'get'>,
  grant: Pick<ActionGrant, 'ruleId' | 'platform' | 'channel'>,
): Promise<Rule | undefined> {
  const rule = await rules.get(grant.ruleId);
  if (rule === undefined) return undefined;
  const { platform, channel } = rule.channel;
  return platform === grant.platform && channel === grant.channel ? rule : undefined;
}
