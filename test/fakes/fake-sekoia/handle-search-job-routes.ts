import {
  type ApiRequest,
  type ApiResponse,
  errorResponse,
  type FakeContext,
  isRecord,
} from './fake-context.ts';
import { parseSearchTime } from './parse-search-time.ts';
import { isPageParams, pageOf, readPageParams } from './read-page-params.ts';
import type { SearchJobInput } from './search-job-store.ts';

const JOB_NOT_FOUND = errorResponse(404, 'Search job not found');
const EVENT_BOUNDS = { maxLimit: 1000, defaultLimit: 100 };
// The one term the bot builds (reference §9 step 2); anything else is refused so the gap shows.
const INTAKE_TERM = /^sekoiaio\.intake\.uuid:"?([0-9a-f-]{36})"?$/i;

function readJobInput(body: unknown, nowMs: number): SearchJobInput | string {
  if (!isRecord(body)) return 'Expected a JSON object';
  const { term, earliest_time: earliest, latest_time: latest, max_last_events: max, term_lang: lang } = body;
  if (typeof term !== 'string') return 'term: Missing data for required field.';
  if (typeof earliest !== 'string' || typeof latest !== 'string')
    return 'earliest_time and latest_time are required';
  const intakeUuid = INTAKE_TERM.exec(term.trim())?.[1];
  if (intakeUuid === undefined) return `The fake only searches "sekoiaio.intake.uuid:<uuid>"`;
  const fromMs = parseSearchTime(earliest, nowMs);
  const toMs = parseSearchTime(latest, nowMs);
  if (fromMs === undefined || toMs === undefined) return 'Invalid earliest_time or latest_time';
  if (max !== undefined && max !== null && !(Number.isInteger(max) && Number(max) > 0)) {
    return 'max_last_events: Not a valid integer.';
  }
  if (lang !== undefined && typeof lang !== 'string') return 'term_lang: Not a valid string.';
  const maxLastEvents = typeof max === 'number' ? max : null;
  const termLang = lang ?? 'dork';
  return {
    term,
    termLang,
    earliestTime: earliest,
    latestTime: latest,
    maxLastEvents,
    intakeUuid,
    fromMs,
    toMs,
  };
}

/** `POST /v1/sic/conf/events/search/jobs`: the job starts running at once (reference §9, §12.8). */
export function createSearchJob(context: FakeContext, request: ApiRequest): ApiResponse {
  const input = readJobInput(request.body, context.clock.now());
  if (typeof input === 'string') return errorResponse(400, input);
  return { status: 200, body: context.searchJobs.create(input) };
}

export function getSearchJob(context: FakeContext, request: ApiRequest): ApiResponse {
  const job = context.searchJobs.poll(request.params.uuid ?? '');
  return job === undefined ? JOB_NOT_FOUND : { status: 200, body: job };
}

/** `GET …/jobs/{uuid}/events`: only for a job that is done; 400 otherwise (the real answer is unknown). */
export function listSearchJobEvents(context: FakeContext, request: ApiRequest): ApiResponse {
  const uuid = request.params.uuid ?? '';
  const job = context.searchJobs.find(uuid);
  if (job === undefined) return JOB_NOT_FOUND;
  const events = context.searchJobs.events(uuid);
  if (events === undefined) return errorResponse(400, `The search job is not done (status ${job.status})`);
  const page = readPageParams(request.query, EVENT_BOUNDS);
  if (!isPageParams(page)) return page;
  return pageOf(events, page);
}
