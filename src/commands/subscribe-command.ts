import { createRule } from '../rules/create-rule.ts';
import { createRuleId } from '../rules/create-rule-id.ts';
import { formatSubscription } from '../rules/format-subscription.ts';
import { parseSubscription } from '../rules/parse-subscription.ts';
import { describeRemindPlan } from '../rules/read-remind-option.ts';
import { checkMentionsAllowed } from './check-mentions-allowed.ts';
import type { Command } from './command.ts';
import { info, success } from './reply-helpers.ts';
import { runPreview } from './run-preview.ts';

export const subscribeCommand: Command = {
  name: 'subscribe',
  usage:
    'subscribe <trigger> [condition …] [--name "text"] [--notify @name,… [--notify-urgency level]] [--remind 15m [--escalate @name,… 30m]] [--preview]',
  summary: 'creates a rule for this channel',
  examples: [
    'subscribe alert-raised urgency>=high entity="Lyon HQ"',
    'subscribe alert-raised entity="Lyon HQ" --notify @oncall --notify-urgency high',
    'subscribe alert-raised urgency>=high --notify @oncall --remind 15m --escalate @secops-leads 30m',
    'subscribe alert-updated change=status status=closed,rejected',
    'subscribe report tlp=amber,red flint=true',
    'subscribe intake-silent intake="Firewall EU" for=2h',
  ],
  needs: () => 'act',
  async run(ctx, args, services) {
    const draft = parseSubscription(args, { resolveMention: ctx.resolveMention });
    checkMentionsAllowed(ctx, draft);
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
    const plan =
      rule.remind === undefined ? [] : [`Unacknowledged cards: ${describeRemindPlan(rule.remind)}.`];
    // Only on request: a preview reads up to 2,000 alerts from Sekoia.io, and a plain subscribe
    // must stay instant and work while Sekoia.io is down.
    const preview = draft.preview ? await runPreview(ctx, draft, services) : undefined;
    const estimate =
      preview === undefined
        ? []
        : preview.ok
          ? [`Preview: ${preview.text.headline}`, ...preview.text.lines]
          : [`No preview: ${preview.why}`];
    const lines = [...plan, ...estimate];
    await ctx.reply(
      success(`Rule ${rule.id} created: ${summary}`, {
        ...(preview?.ok && { chart: preview.text.chart }),
        ...(lines.length > 0 && { lines }),
        code: [`mute ${rule.id} 2h`, `unsubscribe ${rule.id}`],
      }),
    );
    await ctx.announce(info(`@${ctx.user.name} created rule ${rule.id}: ${summary}`));
  },
};
