import { z } from 'zod';
import { jobType } from '../queue/job-type.ts';

/** Queue job kinds the watchers enqueue: each carries one event, delivered like a WebHook's. */
export const RULE_ADDED_JOB = 'rule-added';
export const INTAKE_SILENCE_JOB = 'intake-silence';

const text = z.string().max(100_000);

/** A rule new in the Rules Catalog (the watcher writes its CatalogRuleFields). */
export const ruleAddedJob = jobType(
  RULE_ADDED_JOB,
  z.object({
    uuid: z.string().min(1).max(64),
    name: z.string().max(1_000),
    description: text.optional(),
    pattern: text.optional(),
    severity: z.number().min(0).max(100).optional(),
  }),
);

/** An intake silent, or back after a silence (the watcher writes its IntakeSilence). */
export const intakeSilenceJob = jobType(
  INTAKE_SILENCE_JOB,
  z.object({
    intake: z.object({ uuid: z.string().min(1).max(64), name: z.string().max(1_000).optional() }),
    silentSince: z.number().finite(),
    silentForMs: z.number().min(0),
    backAt: z.number().finite().optional(),
  }),
);

export type RuleAddedJob = z.infer<typeof ruleAddedJob.payload>;
export type IntakeSilenceJob = z.infer<typeof intakeSilenceJob.payload>;
