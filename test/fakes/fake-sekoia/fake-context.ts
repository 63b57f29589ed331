import type { Clock } from '../../../src/clock.ts';
import type { AlertStore } from './alert-store.ts';
import type { FakeApiKey, FakePermission } from './api-keys.ts';
import type { WebhookEmitter } from './emit-webhooks.ts';
import type { FakeAsset } from './fake-asset.ts';
import type { FakeCatalogRule } from './fake-catalog-rule.ts';
import type { FakeReport } from './fake-intel-report.ts';
import type { IntakeStore } from './intake-store.ts';
import type { SearchJobStore } from './search-job-store.ts';

/** What route handlers share. */
export interface FakeContext {
  store: AlertStore;
  clock: Clock;
  webhooks: WebhookEmitter;
  /** Rules Catalog, in the order added (the order pages are served in). */
  catalog: FakeCatalogRule[];
  /** Reports by UUID, served as reports and as content proposals. */
  reports: Map<string, FakeReport>;
  intakes: IntakeStore;
  searchJobs: SearchJobStore;
  /** Assets by lower-case UUID. */
  assets: Map<string, FakeAsset>;
  /** When set, `GET …/workflow` answers this status, as for a key or workspace without it. */
  workflowGetRefusal?: WorkflowGetRefusal | undefined;
}

/** How a workspace, a key or a proxy may refuse `GET …/workflow` (issue 10: only integrations use it). */
export type WorkflowGetRefusal = 403 | 404 | 405;

export interface ApiRequest {
  method: string;
  /** Decoded path segments after the optional `/api` prefix, e.g. `['v1', 'sic', 'alerts']`. */
  segments: readonly string[];
  query: URLSearchParams;
  body: unknown;
  caller: FakeApiKey;
  params: Readonly<Record<string, string>>;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: string;
  /** Slash-separated, `:name` captures a segment, e.g. `v1/sic/alerts/:id/workflow`. */
  pattern: string;
  permission?: FakePermission;
  handle: (context: FakeContext, request: ApiRequest) => ApiResponse;
}

export function nowSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}

export function errorResponse(status: number, message: string): ApiResponse {
  return { status, body: { message } };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
