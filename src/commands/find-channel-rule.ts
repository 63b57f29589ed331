import { BotError } from '../errors.ts';
import { normalizeRuleId } from '../rules/create-rule-id.ts';
import type { Rule } from '../rules/rule.ts';
import { sameChannel } from '../rules/rule-store.ts';
import { quoted } from '../rules/usage-error.ts';
import type { CommandServices } from './command.ts';
import type { CommandContext } from './command-context.ts';

/**
 * The rule the user named, if it belongs to this channel. A rule of another channel gets the very
 * answer an unknown id gets, so that ids of other channels cannot be probed.
 */
export async function findChannelRule(
  ctx: CommandContext,
  word: string,
  services: CommandServices,
): Promise<Rule> {
  const id = normalizeRuleId(word);
  const rule = id === undefined ? undefined : await services.rules.get(id);
  if (rule !== undefined && sameChannel(rule.channel, ctx.channel)) return rule;
  throw new BotError('rule_not_found', {
    message: `no rule ${quoted(word)} in this channel — "rules" lists them`,
    details: { ruleId: id ?? null, otherChannel: rule !== undefined },
  });
}
