import { sekoiaPath } from './build-sekoia-url.ts';
import { catalogRuleSchema } from './catalog-rule-schema.ts';
import { intakeSchema } from './intake-schema.ts';
import { pageSchema } from './page-schema.ts';
import { parseSekoiaResponse } from './parse-sekoia-response.ts';
import { reportSchema } from './report-schema.ts';
import { searchEventSchema, searchJobSchema } from './search-job-schema.ts';
import type { CreateSearchJobInput, SekoiaApi } from './sekoia-api.ts';
import type { SendSekoiaRequest } from './send-sekoia-request.ts';
import {
  assertPositiveCount,
  EVENTS_MAX_LIMIT,
  invalidInput,
  LIST_MAX_LIMIT,
  pageQuery,
} from './validate-page-input.ts';
import { assertSekoiaUuid } from './validate-sekoia-uuid.ts';

/** The methods behind the non-alert triggers: rule added, report, intake silent (reference §9, §10). */
export type TriggerEndpoints = Omit<
  SekoiaApi,
  | 'getAlert'
  | 'listAlerts'
  | 'getWorkflow'
  | 'patchWorkflow'
  | 'patchAlert'
  | 'postComment'
  | 'ping'
  | 'whoAmI'
  | 'getAsset'
>;

const catalogPageSchema = pageSchema(catalogRuleSchema);
const intakePageSchema = pageSchema(intakeSchema);
const eventPageSchema = pageSchema(searchEventSchema);
const SEARCH_JOBS = ['v1', 'sic', 'conf', 'events', 'search', 'jobs'] as const;

function searchJobBody(input: CreateSearchJobInput): Record<string, unknown> {
  const texts = { term: input.term, earliestTime: input.earliestTime, latestTime: input.latestTime };
  const blank = Object.entries(texts).filter(([, value]) => typeof value !== 'string' || value.trim() === '');
  if (blank.length > 0) throw invalidInput({ blank: blank.map(([name]) => name) });
  assertPositiveCount(input.maxLastEvents, 'maxLastEvents');
  return {
    term: input.term,
    earliest_time: input.earliestTime,
    latest_time: input.latestTime,
    ...(input.maxLastEvents === undefined ? {} : { max_last_events: input.maxLastEvents }),
    ...(input.termLang === undefined ? {} : { term_lang: input.termLang }),
  };
}

export function createTriggerEndpoints(send: SendSekoiaRequest): TriggerEndpoints {
  const jobPath = (uuid: string, ...rest: string[]) =>
    sekoiaPath(...SEARCH_JOBS, assertSekoiaUuid(uuid, 'search job'), ...rest);
  return {
    async listCatalogRules(input) {
      const query = pageQuery(input, LIST_MAX_LIMIT);
      const path = sekoiaPath('v1', 'sic', 'conf', 'rules-catalog', 'rules');
      return parseSekoiaResponse(catalogPageSchema, await send({ method: 'GET', path, query }), 'rule list');
    },
    async getCatalogRule(uuid) {
      const id = assertSekoiaUuid(uuid, 'catalog rule');
      const body = await send({
        method: 'GET',
        path: sekoiaPath('v1', 'sic', 'conf', 'rules-catalog', 'rules', id),
      });
      return parseSekoiaResponse(catalogRuleSchema, body, 'rule');
    },
    async getContentProposal(uuid) {
      const id = assertSekoiaUuid(uuid, 'content proposal');
      const body = await send({ method: 'GET', path: sekoiaPath('v2', 'inthreat', 'content-proposals', id) });
      return parseSekoiaResponse(reportSchema, body, 'content proposal');
    },
    async getReport(uuid) {
      const id = assertSekoiaUuid(uuid, 'report');
      const body = await send({ method: 'GET', path: sekoiaPath('v2', 'inthreat', 'reports', id) });
      return parseSekoiaResponse(reportSchema, body, 'report');
    },
    async listIntakes(input) {
      const query = pageQuery(input, LIST_MAX_LIMIT);
      const path = sekoiaPath('v1', 'sic', 'conf', 'intakes');
      return parseSekoiaResponse(intakePageSchema, await send({ method: 'GET', path, query }), 'intake list');
    },
    async createSearchJob(input) {
      const body = await send({
        method: 'POST',
        path: sekoiaPath(...SEARCH_JOBS),
        body: searchJobBody(input),
      });
      return parseSekoiaResponse(searchJobSchema, body, 'search job');
    },
    async getSearchJob(uuid) {
      return parseSekoiaResponse(
        searchJobSchema,
        await send({ method: 'GET', path: jobPath(uuid) }),
        'search job',
      );
    },
    async getSearchJobEvents(uuid, input) {
      const path = jobPath(uuid, 'events');
      const query = pageQuery(input, EVENTS_MAX_LIMIT);
      return parseSekoiaResponse(eventPageSchema, await send({ method: 'GET', path, query }), 'event list');
    },
  };
}
