import { channelKey } from '../delivery/card-job.ts';
import type { SubscriptionDraft } from '../rules/rule.ts';
import type { CommandServices } from './command.ts';
import type { CommandContext } from './command-context.ts';
import { describePreview, describePreviewFailure, type PreviewText } from './describe-preview.ts';

export type PreviewOutcome = { ok: true; text: PreviewText } | { ok: false; why: string };

/**
 * The draft previewed for the channel, never throwing: `preview` answers the reason as an error,
 * `subscribe … --preview` keeps the rule it created and says why there is no estimate.
 */
export async function runPreview(
  ctx: CommandContext,
  draft: SubscriptionDraft,
  services: CommandServices,
): Promise<PreviewOutcome> {
  if (services.preview === undefined) return { ok: false, why: 'previews are off on this bot' };
  try {
    const report = await services.preview.preview(draft, channelKey(ctx.channel));
    return { ok: true, text: describePreview(report, draft.trigger) };
  } catch (error) {
    ctx.log.warn({ err: error }, 'preview failed');
    return { ok: false, why: describePreviewFailure(error) };
  }
}
