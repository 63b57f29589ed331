import {
  catalogRuleEvent,
  contentProposalEvent,
  type IntakeInactivityInput,
  intakeInactivityEvent,
  type PlaybookErrorInput,
  playbookErrorEvent,
  type TriggerEvent,
} from './build-trigger-webhooks.ts';
import { buildCatalogRule, type FakeCatalogRule } from './fake-catalog-rule.ts';
import type { FakeContext } from './fake-context.ts';
import { buildIntake, type FakeIntake } from './fake-intake.ts';
import { type BuildReportOverrides, buildReport, type FakeReport } from './fake-intel-report.ts';
import type { NotifyOption } from './fake-sekoia-controls.ts';
import type { FakeSearchJob } from './search-job-store.ts';

/** Test-side controls for the non-alert triggers (reference §9, §10). Objects handed out are copies. */
export interface FakeTriggerControls {
  /** No WebHook unless `notify: true`: the bot finds new rules by polling the catalog. */
  addCatalogRule(overrides?: Partial<FakeCatalogRule>, options?: NotifyOption): FakeCatalogRule;
  listCatalogRules(): FakeCatalogRule[];
  /** Stores a report (also served as a content proposal); notifies `content-proposal` unless `notify: false`. */
  addReport(overrides?: BuildReportOverrides, options?: NotifyOption): FakeReport;
  addIntake(overrides?: Partial<FakeIntake>): FakeIntake;
  listIntakes(): FakeIntake[];
  /** An event received by the intake at `atMs` (default now), found by later search jobs. */
  recordIntakeEvent(intakeUuid: string, atMs?: number): void;
  /** Sends a "no events are received" WebHook for a known intake (assumed shape, see build-trigger-webhooks.ts). */
  emitIntakeInactivity(input: IntakeInactivityInput): TriggerEvent;
  /** Sends a `playbook` / `error` WebHook (assumed shape, see build-trigger-webhooks.ts); returns the event. */
  emitPlaybookError(input?: PlaybookErrorInput): TriggerEvent;
  /** How many polls a new search job answers "running" (1) before it ends; default 1. */
  setSearchJobRunningPolls(count: number): void;
  /** The next search job created ends in status 4 (failed) instead of 2. */
  failNextSearchJob(): void;
  listSearchJobs(): FakeSearchJob[];
}

export function createFakeTriggerControls(context: FakeContext): FakeTriggerControls {
  const now = () => context.clock.now();
  return {
    addCatalogRule(overrides = {}, options = {}) {
      const rule = buildCatalogRule(overrides, now());
      context.catalog.push(rule);
      if (options.notify === true) context.webhooks.emit(catalogRuleEvent(rule.uuid));
      return structuredClone(rule);
    },
    listCatalogRules: () => structuredClone(context.catalog),
    addReport(overrides = {}, options = {}) {
      const report = buildReport(overrides, now());
      context.reports.set(report.uuid, report);
      if (options.notify !== false) context.webhooks.emit(contentProposalEvent(report.uuid));
      return structuredClone(report);
    },
    addIntake(overrides = {}) {
      const intake = buildIntake(overrides, now());
      context.intakes.add(intake);
      return structuredClone(intake);
    },
    listIntakes: () => structuredClone(context.intakes.list()),
    recordIntakeEvent(intakeUuid, atMs = now()) {
      if (context.intakes.find(intakeUuid) === undefined) {
        throw new Error(`fake Sekoia.io has no intake ${intakeUuid}`);
      }
      context.intakes.recordEvent(intakeUuid, atMs);
    },
    emitIntakeInactivity(input) {
      // Sekoia.io notifies only for an intake of the community (the trigger is set on one intake).
      if (context.intakes.find(input.intakeUuid) === undefined) {
        throw new Error(`fake Sekoia.io has no intake ${input.intakeUuid}`);
      }
      const event = intakeInactivityEvent(input);
      context.webhooks.emit(event);
      return event;
    },
    emitPlaybookError(input = {}) {
      const event = playbookErrorEvent(input);
      context.webhooks.emit(event);
      return event;
    },
    setSearchJobRunningPolls: (count) => context.searchJobs.setRunningPolls(count),
    failNextSearchJob: () => context.searchJobs.failNext(),
    listSearchJobs: () => context.searchJobs.list(),
  };
}
