import { z } from 'zod';
import { BotError } from '../errors.ts';
import { normalizeIntakeSilence } from '../normalize/normalize-intake-silence.ts';
import { normalizeRuleAdded } from '../normalize/normalize-rule-added.ts';
import type { EventRef } from '../normalize/notification.ts';
import type { JobHandler } from '../queue/create-worker.ts';
import type { Job } from '../queue/job-queue.ts';
import type { DeliveryPort } from './delivery-port.ts';
import { INTAKE_SILENCE_JOB, RULE_ADDED_JOB } from './watch-jobs.ts';

const text = z.string().max(100_000);

const ruleAddedSchema = z.object({
  uuid: z.string().min(1).max(64),
  name: z.string().max(1_000),
  description: text.optional(),
  pattern: text.optional(),
  severity: z.number().min(0).max(100).optional(),
});

const silenceSchema = z.object({
  intake: z.object({ uuid: z.string().min(1).max(64), name: z.string().max(1_000).optional() }),
  silentSince: z.number().finite(),
  silentForMs: z.number().min(0),
  backAt: z.number().finite().optional(),
});

function parse<T>(schema: z.ZodType<T>, job: Job): T {
  const parsed = schema.safeParse(JSON.parse(job.payload));
  if (!parsed.success)
    throw new BotError('job_failed', { message: `malformed ${job.kind} job`, retryable: false });
  return parsed.data;
}

/** The events the watchers find (new catalog rules, intake silences), delivered like WebHook events. */
export function createWatchJobHandlers(options: {
  delivery: DeliveryPort;
  appUrl: string;
}): Record<string, JobHandler> {
  const event = (job: Job, type: string, action: string): EventRef => ({
    id: job.id,
    type,
    action,
    createdAt: new Date(job.createdAt).toISOString(),
    receivedAt: job.createdAt,
  });
  return {
    [RULE_ADDED_JOB]: async (job) => {
      const rule = parse(ruleAddedSchema, job);
      await options.delivery.deliver(
        normalizeRuleAdded({
          event: event(job, 'rule-added', 'created'),
          rule: {
            uuid: rule.uuid,
            name: rule.name,
            description: rule.description,
            pattern: rule.pattern,
            severity: rule.severity,
          },
          appUrl: options.appUrl,
        }),
      );
    },
    [INTAKE_SILENCE_JOB]: async (job) => {
      const silence = parse(silenceSchema, job);
      await options.delivery.deliver(
        normalizeIntakeSilence({
          event: event(job, 'intake-silent', silence.backAt === undefined ? 'silent' : 'back'),
          silence: {
            intake: { uuid: silence.intake.uuid, name: silence.intake.name },
            silentSince: silence.silentSince,
            silentForMs: silence.silentForMs,
            backAt: silence.backAt,
          },
          appUrl: options.appUrl,
        }),
      );
    },
  };
}
