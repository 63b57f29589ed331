import { formatConditions } from '../rules/format-subscription.ts';
import { parseSubscription } from '../rules/parse-subscription.ts';
import type { Command } from './command.ts';
import { info } from './reply-helpers.ts';
import { runPreview } from './run-preview.ts';

const USAGE = 'preview <trigger> [condition …]';

export const previewCommand: Command = {
  name: 'preview',
  usage: USAGE,
  summary: 'counts the cards a rule would have posted over the last 7 days',
  examples: [
    'preview alert-raised entity="Lyon HQ" urgency>=medium',
    'preview alert-updated status=closed,rejected',
  ],
  // Reads only: open to every member (one preview at a time per channel, paced behind cards).
  async run(ctx, args, services) {
    const draft = parseSubscription(args, { resolveMention: ctx.resolveMention });
    const outcome = await runPreview(ctx, draft, services);
    if (!outcome.ok) {
      await ctx.reply({ kind: 'error', text: `No preview: ${outcome.why}`, code: [USAGE] });
      return;
    }
    const { headline, chart, lines } = outcome.text;
    const rule = `${draft.trigger} ${formatConditions(draft.conditions)}`.trim();
    await ctx.reply(
      info(`Preview of ${rule}: ${headline}`, {
        chart,
        ...(lines.length > 0 && { lines }),
        code: [`subscribe ${rule}`],
      }),
    );
  },
};
