import { z } from 'zod';
import { jobType } from '../../queue/job-type.ts';

const text = z.string().max(100_000);

/** A rule new in the Rules Catalog (the catalog watcher writes its CatalogRuleFields). */
export const ruleAddedJob = jobType(
  'rule-added',
  z.object({
    uuid: z.string().min(1).max(64),
    name: z.string().max(1_000),
    description: text.optional(),
    pattern: text.optional(),
    severity: z.number().min(0).max(100).optional(),
  }),
);

export type RuleAddedJob = z.infer<typeof ruleAddedJob.payload>;
