import { compileRule, evaluateCompiled } from '../rules/compile-rule.ts';
import { createRule } from '../rules/create-rule.ts';
import { type PreparedFacts, prepareFacts } from '../rules/prepare-facts.ts';
import type { Rule, SubscriptionDraft } from '../rules/rule.ts';
import { usageError } from '../rules/usage-error.ts';
import type { SekoiaApi } from '../sekoia/sekoia-api.ts';
import { checkPreviewable } from './check-previewable.ts';
import { type AssetNamer, needsAssets, previewFacts } from './preview-facts.ts';
import { type PushedFilters, pushPreviewFilters } from './push-preview-filters.ts';
import {
  DEFAULT_PREVIEW_BOUNDS,
  type PreviewBounds,
  type PreviewCut,
  readPreviewAlerts,
} from './read-preview-alerts.ts';
import { type Suggestion, suggestTightening } from './suggest-tightening.ts';
import { type PreviewHit, type PreviewTally, previewWindow, tallyPreview } from './tally-preview.ts';

export interface PreviewReport {
  tally: PreviewTally;
  /** Set when the reading stopped early: the figures are lower bounds. */
  cut?: PreviewCut;
  bounds: PreviewBounds;
  /** Alerts read from the listing (after its own filters). */
  read: number;
  unreadable: number;
  pushed: PushedFilters;
  suggestion?: Suggestion;
}

export interface Previewer {
  /**
   * How many cards the draft would have posted over the last 7 days; BotError('command_usage') when
   * it cannot say, or while another preview of the same scope (a channel) is running.
   */
  preview(draft: SubscriptionDraft, scope: string): Promise<PreviewReport>;
}

export interface CreatePreviewerOptions {
  sekoia: Pick<SekoiaApi, 'listAlerts'>;
  /** Names assets as live delivery does, for rules on `asset` or `criticality`. */
  assets?: AssetNamer | undefined;
  now: () => number;
  bounds?: PreviewBounds;
}

/**
 * A rule's conditions over the last 7 days of alerts: filters the listing can apply are pushed to
 * it, and every alert read is matched against the whole rule by the live matcher, on the facts live
 * delivery would build from the same alert.
 */
export function createPreviewer(options: CreatePreviewerOptions): Previewer {
  const bounds = options.bounds ?? DEFAULT_PREVIEW_BOUNDS;
  // One preview at a time per channel: each may read up to `maxPages` pages of Sekoia.io.
  const running = new Set<string>();
  const run = async (draft: SubscriptionDraft): Promise<PreviewReport> => {
    const trigger = checkPreviewable(draft);
    const now = options.now();
    const window = previewWindow(now);
    const pushed = pushPreviewFilters(draft.conditions);
    const listed = pushed.empty
      ? { alerts: [], unreadable: 0 }
      : await readPreviewAlerts({
          sekoia: options.sekoia,
          filters: pushed,
          field: trigger === 'alert-raised' ? 'created_at' : 'updated_at',
          span: window,
          bounds,
          now: options.now,
        });
    const compiled = compileRule(draftRule(draft, now));
    const assets = needsAssets(draft.conditions) ? options.assets : undefined;
    const hits: PreviewHit[] = [];
    const matched: PreparedFacts[] = [];
    for (const alert of listed.alerts) {
      const facts = prepareFacts(await previewFacts(alert, trigger, assets));
      if (!evaluateCompiled(compiled, facts, now)) continue;
      matched.push(facts);
      const seconds = trigger === 'alert-raised' ? alert.created_at : alert.updated_at;
      hits.push({
        at: seconds === undefined ? now : seconds * 1000,
        entity: alert.entity?.name,
        rule: alert.rule?.name,
      });
    }
    const suggestion = suggestTightening(matched);
    return {
      tally: tallyPreview(hits, window),
      ...('cut' in listed && listed.cut !== undefined && { cut: listed.cut }),
      bounds,
      read: listed.alerts.length,
      unreadable: listed.unreadable,
      pushed,
      ...(suggestion && { suggestion }),
    };
  };
  return {
    async preview(draft, scope) {
      if (running.has(scope)) {
        throw usageError('a preview is already running in this channel: its answer comes first');
      }
      running.add(scope);
      try {
        return await run(draft);
      } finally {
        running.delete(scope);
      }
    },
  };
}

/** The rule as it would be stored, unmuted: what the live matcher compiles. */
function draftRule(draft: SubscriptionDraft, now: number): Rule {
  const nobody = { id: '', name: '' };
  const nowhere = { platform: 'preview', team: '', channel: '' };
  return createRule({ id: 'preview', draft, channel: nowhere, createdBy: nobody, now });
}
