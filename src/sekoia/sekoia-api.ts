import type { AlertPage } from './alert-page-schema.ts';
import type { SekoiaAlert } from './alert-schema.ts';
import type { SekoiaAsset } from './asset-schema.ts';
import type { CatalogRule } from './catalog-rule-schema.ts';
import type { SekoiaComment } from './comment-schema.ts';
import type { SekoiaPriority } from './create-sekoia-pacer.ts';
import type { SekoiaIntake } from './intake-schema.ts';
import type { ListAlertsInput } from './list-alerts-query.ts';
import type { SekoiaPage } from './page-schema.ts';
import type { SekoiaProfile } from './profile-schema.ts';
import type { SekoiaReport } from './report-schema.ts';
import type { SearchJob, SekoiaSearchEvent } from './search-job-schema.ts';
import type { WorkflowAction } from './workflow-schema.ts';

export interface PatchWorkflowInput {
  /** A workflow action id, or (accepted by Sekoia too) the target status UUID (reference §6.2). */
  actionUuid: string;
  comment?: string;
}

/** Per call: card buttons ask for `interactive`, served before background work (default). */
export interface RequestOptions {
  priority?: SekoiaPriority | undefined;
  /** A linked user's own key for this request instead of the bot's (changing calls only). */
  apiKey?: string | undefined;
}

/**
 * `PATCH /v1/sic/alerts/{uuid}` (permission SIC_WRITE_ALERTS, reference §4): the bot edits the
 * urgency only. Sekoia.io takes an integer (automation library `action_patch_an_alert.json`); the
 * alert's `urgency.current_value` is 0–100 (reference §5.1).
 */
export interface PatchAlertInput {
  urgency: number;
}

export interface PostCommentInput {
  content: string;
  /** Free text shown as the author, e.g. "Mattermost: alice"; at most 32 characters (reference §7). */
  author?: string;
}

/** `limit` 1–100; read pages until one holds fewer than `limit` items (reference §11). */
export interface ListPageInput {
  limit: number;
  offset: number;
}

export interface CreateSearchJobInput {
  /** E.g. `buildIntakeSearchTerm(uuid)`. */
  term: string;
  /** ISO-8601 instant or a relative form such as `-30d` (reference §9). */
  earliestTime: string;
  /** ISO-8601 instant or `now`. */
  latestTime: string;
  maxLastEvents?: number;
  /** Left to Sekoia's default when absent (`dork` in the tutorial, reference §9). */
  termLang?: string;
}

export interface SearchEventsInput {
  /** 1–1000. */
  limit: number;
  offset?: number;
}

/**
 * The Sekoia.io API as the bot uses it. Alert methods take an alert UUID or short id, the others a UUID
 * only; any other id is refused without a request. Failures are BotErrors coded `sekoia_*`.
 */
export interface SekoiaApi {
  /** `GET /v1/sic/alerts/{uuid or short_id}?stix=false` */
  getAlert(idOrShortId: string, options?: RequestOptions): Promise<SekoiaAlert>;
  /**
   * `GET /v1/sic/alerts` with filters, sort and paging (reference §5.3), as background work unless
   * asked otherwise; read pages until one holds fewer items than `limit`.
   */
  listAlerts(input: ListAlertsInput, options?: RequestOptions): Promise<AlertPage>;
  /** `GET /v1/sic/alerts/{uuid}/workflow`: the actions allowed from the current status. */
  getWorkflow(alertUuid: string, options?: RequestOptions): Promise<WorkflowAction[]>;
  /** `PATCH /v1/sic/alerts/{uuid}/workflow`; any 2xx is success. */
  patchWorkflow(alertUuid: string, input: PatchWorkflowInput, options?: RequestOptions): Promise<void>;
  /** `PATCH /v1/sic/alerts/{uuid}`; any 2xx is success. */
  patchAlert(alertUuid: string, input: PatchAlertInput, options?: RequestOptions): Promise<void>;
  /** `POST /v1/sic/alerts/{uuid}/comments` */
  postComment(alertUuid: string, input: PostCommentInput, options?: RequestOptions): Promise<SekoiaComment>;
  /** `GET /v2/asset-management/assets/{uuid}` (permission ASSETMANAGEMENT_VIEW_ASSET): name and criticality. */
  getAsset(uuid: string): Promise<SekoiaAsset>;
  /** `GET /v1/me`: checks reachability and the key. */
  ping(): Promise<void>;
  /** `GET /v1/me` with another key (a user linking theirs): its profile, or `sekoia_unauthorized`. */
  whoAmI(apiKey: string): Promise<SekoiaProfile>;
  /** `GET /v1/sic/conf/rules-catalog/rules?limit&offset` (reference §10.1). */
  listCatalogRules(input: ListPageInput): Promise<SekoiaPage<CatalogRule>>;
  /** `GET /v1/sic/conf/rules-catalog/rules/{uuid}` (reference §10.1). */
  getCatalogRule(uuid: string): Promise<CatalogRule>;
  /** `GET /v2/inthreat/content-proposals/{uuid}`, summarised (reference §10.2). */
  getContentProposal(uuid: string): Promise<SekoiaReport>;
  /** `GET /v2/inthreat/reports/{uuid}`, summarised (reference §10.2). */
  getReport(uuid: string): Promise<SekoiaReport>;
  /** `GET /v1/sic/conf/intakes?limit&offset`, without the intakes' secret keys (reference §9). */
  listIntakes(input: ListPageInput): Promise<SekoiaPage<SekoiaIntake>>;
  /** `POST /v1/sic/conf/events/search/jobs` (reference §9). */
  createSearchJob(input: CreateSearchJobInput): Promise<SearchJob>;
  /** `GET /v1/sic/conf/events/search/jobs/{uuid}`: poll until `status` is 2 (done), 3 or 4. */
  getSearchJob(uuid: string): Promise<SearchJob>;
  /** `GET /v1/sic/conf/events/search/jobs/{uuid}/events?limit&offset` */
  getSearchJobEvents(uuid: string, input: SearchEventsInput): Promise<SekoiaPage<SekoiaSearchEvent>>;
}
