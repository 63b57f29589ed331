import { z } from 'zod';
import { jobType } from '../queue/job-type.ts';
import { platformIdSchema } from '../rules/platform-id.ts';
import { COMPACT_TRIGGERS } from '../triggers/trigger-table.ts';

/** Job kind that posts or edits one compact card (report, rule added, intake silent, playbook error) in one channel. */
export const COMPACT_JOB = 'compact-delivery';

const text = z.string().max(20_000);

export const compactJobSchema = z.strictObject({
  subject: z.string().min(1).max(300),
  channel: z.strictObject({
    platform: platformIdSchema,
    team: z.string(),
    channel: z.string().min(1),
  }),
  rule: z.strictObject({ id: z.string().min(1), name: z.string().nullable() }).nullable(),
  trigger: z.enum(COMPACT_TRIGGERS),
  summary: z.strictObject({
    title: text,
    link: z.string().max(2_048).optional(),
    linkLabel: text,
    tone: z.enum(['info', 'good', 'warning', 'danger']),
    badge: text.optional(),
    facts: z
      .array(z.strictObject({ title: text, value: text }))
      .max(50)
      .readonly(),
    text: text.optional(),
  }),
});

export type CompactJob = z.infer<typeof compactJobSchema>;

export const compactDeliveryJob = jobType(COMPACT_JOB, compactJobSchema);
