import { BotError, isBotError } from '../errors.ts';
import { buildIntakeSearchTerm } from '../sekoia/build-intake-search-term.ts';
import type { CatalogRule } from '../sekoia/catalog-rule-schema.ts';
import { SEARCH_JOB_STATUS } from '../sekoia/search-job-schema.ts';
import type { SekoiaApi } from '../sekoia/sekoia-api.ts';
import type { ReportFields } from '../triggers/report/normalize-report.ts';
import type { CatalogRuleFields } from '../triggers/rule-added/normalize-rule-added.ts';
import type { IntakeEventsSource } from './create-intake-silence-check.ts';
import type { CatalogSource } from './create-rules-catalog-watch.ts';

const PAGE = 100;

/** The watchers' and the report reader's view of the Sekoia.io API. */
export function createSekoiaWatchSources(options: {
  sekoia: SekoiaApi;
  pause: (ms: number) => Promise<void>;
  /** Between two looks at a running search job. */
  pollMs?: number;
  maxPolls?: number;
}) {
  const { sekoia } = options;
  const fields = (rule: CatalogRule): CatalogRuleFields => ({
    uuid: rule.uuid,
    name: rule.name ?? rule.uuid,
    description: rule.description ?? undefined,
    pattern: rule.payload ?? undefined,
    severity: rule.severity,
  });
  const catalog: CatalogSource & { read(uuid: string): Promise<CatalogRuleFields> } = {
    listPage: async (offset, limit) => (await sekoia.listCatalogRules({ offset, limit })).items.map(fields),
    read: async (uuid) => fields(await sekoia.getCatalogRule(uuid)),
  };

  const intakes: IntakeEventsSource = {
    async listIntakes() {
      const all: { uuid: string; name: string | undefined }[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await sekoia.listIntakes({ offset, limit: PAGE });
        all.push(...page.items.map((intake) => ({ uuid: intake.uuid, name: intake.name })));
        if (page.items.length < PAGE) return all;
      }
    },
    async countEvents(intakeUuid, fromMs, toMs) {
      const job = await sekoia.createSearchJob({
        term: buildIntakeSearchTerm(intakeUuid),
        earliestTime: new Date(fromMs).toISOString(),
        latestTime: new Date(toMs).toISOString(),
        maxLastEvents: 1,
      });
      for (let poll = 0; poll < (options.maxPolls ?? 30); poll += 1) {
        const state =
          poll === 0 && job.status === SEARCH_JOB_STATUS.done ? job : await sekoia.getSearchJob(job.uuid);
        if (state.status === SEARCH_JOB_STATUS.done) return state.total ?? 0;
        if (state.status === SEARCH_JOB_STATUS.failed || state.status === SEARCH_JOB_STATUS.canceled) {
          throw new BotError('sekoia_unavailable', {
            message: 'the event search job failed',
            retryable: true,
          });
        }
        await options.pause(options.pollMs ?? 1_000);
      }
      throw new BotError('sekoia_unavailable', {
        message: 'the event search job did not finish in time',
        retryable: true,
      });
    },
  };

  /** A content proposal, or else the report itself: the WebHook does not say which its uuid names. */
  const reports = {
    async read(uuid: string): Promise<ReportFields> {
      let report: Awaited<ReturnType<SekoiaApi['getReport']>>;
      try {
        report = await sekoia.getContentProposal(uuid);
      } catch (error) {
        if (!isBotError(error, 'sekoia_not_found')) throw error;
        report = await sekoia.getReport(uuid);
      }
      return {
        uuid,
        stixId: report.stixId,
        name: report.name,
        description: report.description,
        threats: report.threats,
        sectors: report.sectors,
        countries: report.countries,
        tlp: report.tlp,
        confidence: report.confidence,
        flint: report.flint,
      };
    },
  };
  return { catalog, intakes, reports };
}
