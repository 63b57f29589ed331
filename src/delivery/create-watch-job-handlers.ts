import type { EventRef } from '../normalize/notification.ts';
import type { JobHandler } from '../queue/job-kind.ts';
import type { Job } from '../queue/job-queue.ts';
import { normalizeIntakeSilence } from '../triggers/intake-silent/normalize-intake-silence.ts';
import { normalizeRuleAdded } from '../triggers/rule-added/normalize-rule-added.ts';
import type { DeliveryPort } from './delivery-port.ts';
import type { IntakeSilenceJob, RuleAddedJob } from './watch-jobs.ts';

export interface WatchJobHandlers {
  ruleAdded: JobHandler<RuleAddedJob>;
  intakeSilence: JobHandler<IntakeSilenceJob>;
}

/** The events the watchers find (new catalog rules, intake silences), delivered like WebHook events. */
export function createWatchJobHandlers(options: {
  delivery: DeliveryPort;
  appUrl: string;
}): WatchJobHandlers {
  const event = (job: Job, type: string, action: string): EventRef => ({
    id: job.id,
    type,
    action,
    createdAt: new Date(job.createdAt).toISOString(),
    receivedAt: job.createdAt,
  });
  return {
    ruleAdded: async (rule, job) => {
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
    intakeSilence: async (silence, job) => {
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
