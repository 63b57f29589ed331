import { createRule } from '../rules/create-rule.ts';
import { createRuleId } from '../rules/create-rule-id.ts';
import { formatSubscription } from '../rules/format-subscription.ts';
import { parseSubscription } from '../rules/parse-subscription.ts';
import { usageError } from '../rules/usage-error.ts';
import type { Command } from './command.ts';
import { info, success } from './reply-helpers.ts';

export const subscribeCommand: Command = {
  name: 'subscribe',
  usage: 'subscribe <trigger> [condition …] [--name "text"] [--notify @name,… [--notify-urgency level]]',
  summary: 'creates a rule for this channel',
  examples: [
    'subscribe alert-raised urgency>=high entity="Lyon HQ"',
    'subscribe alert-raised entity="Lyon HQ" --notify @oncall --notify-urgency high',
    'subscribe alert-updated change=status status=closed,rejected',
    'subscribe report tlp=amber,red flint=true',
    'subscribe intake-silent intake="Firewall EU" for=2h',
  ],
  needs: () => 'act',
  async run(ctx, args, services) {
    const draft = parseSubscription(args, { resolveMention: ctx.resolveMention });
    if (draft.notify !== undefined && !ctx.notifiesByName) {
      throw usageError('--notify is not available here yet: cards on this platform cannot mention people');
    }
    const id = await createRuleId({
      random: services.random,
      exists: (candidate) => services.rules.exists(candidate),
    });
    const rule = createRule({
      id,
      draft,
      channel: ctx.channel,
      createdBy: ctx.user,
      now: services.clock.now(),
    });
    await services.rules.add(rule);
    const summary = formatSubscription(rule);
    await ctx.reply(
      success(`Rule ${rule.id} created: ${summary}`, {
        code: [`mute ${rule.id} 2h`, `unsubscribe ${rule.id}`],
      }),
    );
    await ctx.announce(info(`@${ctx.user.name} created rule ${rule.id}: ${summary}`));
  },
};
