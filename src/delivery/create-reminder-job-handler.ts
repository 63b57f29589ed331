import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { JobHandler } from '../queue/job-kind.ts';
import type { NewJob } from '../queue/job-queue.ts';
import type { RuleStore } from '../rules/rule-store.ts';
import type { SekoiaApi } from '../sekoia/sekoia-api.ts';
import { alertStatusRef, type StatusRef, standardStatusKey } from '../sekoia/standard-workflow.ts';
import type { AlertStateStore } from './alert-state-store.ts';
import { type CardSinks, sinkOf } from './card-sink.ts';
import type { CardStore } from './card-store.ts';
import { decideReminder } from './decide-reminder.ts';
import { missedUpdateJob } from './missed-update-job.ts';
import type { ReminderJob } from './reminder-job.ts';

export interface ReminderJobOptions {
  sinks: CardSinks;
  cards: Pick<CardStore, 'get'>;
  states: Pick<AlertStateStore, 'get'>;
  rules: Pick<RuleStore, 'get'>;
  /** Reads the alert's status as Sekoia.io has it now, so that a missed WebHook causes no false reminder. */
  sekoia: Pick<SekoiaApi, 'getAlert'>;
  clock: Clock;
  /**
   * Queues the WebHook Sekoia.io would have sent: when the read finds a status the bot did not know
   * (a lost WebHook), the cards are brought up to date through the normal path (edit, thread note).
   */
  enqueue?: (job: NewJob) => Promise<unknown>;
}

/**
 * Says in a card's thread that its alert is still unacknowledged, when the rule's plan still asks for
 * it (decideReminder). The status is read again from Sekoia.io first; when it cannot be read, the
 * newest status the bot knows decides (better a reminder during an outage than none). A platform
 * failure throws, and the worker tries again like a card job.
 */
export function createReminderJobHandler(options: ReminderJobOptions): JobHandler<ReminderJob> {
  const { cards, states, rules, clock } = options;

  const decide = async (job: ReminderJob, status: StatusRef | undefined, shortId: string | undefined) =>
    decideReminder({
      job,
      record: await cards.get(job.alertUuid, job.channel),
      rule: await rules.get(job.ruleId),
      status,
      shortId,
      now: clock.now(),
    });

  const readStatus = async (alertUuid: string, log: Logger): Promise<StatusRef | undefined> => {
    try {
      return alertStatusRef(await options.sekoia.getAlert(alertUuid));
    } catch (error) {
      log.warn(
        { err: isBotError(error) ? error.code : error },
        'alert not read again; reminding from its last known status',
      );
      return undefined;
    }
  };

  return async (job, _job, parentLog) => {
    const log = parentLog.child({ alertUuid: job.alertUuid, channel: job.channel.channel, stage: job.stage });
    const alert = (await states.get(job.alertUuid))?.notification.alert;
    // Nothing to ask Sekoia.io about when what the bot knows already ends the reminder.
    const known = await decide(job, alert?.status, alert?.shortId);
    if (!known.send) return log.info({ reason: known.reason }, 'reminder not sent');
    const fresh = await readStatus(job.alertUuid, log);
    if (fresh !== undefined && standardStatusKey(fresh) !== standardStatusKey(alert?.status ?? {})) {
      await options.enqueue?.(missedUpdateJob(job, options.clock.now()));
    }
    const decision = fresh === undefined ? known : await decide(job, fresh, alert?.shortId);
    if (!decision.send) return log.info({ reason: decision.reason }, 'reminder not sent');
    const sink = sinkOf(options.sinks, job.channel.platform);
    if (sink === undefined)
      return log.warn({ platform: job.channel.platform }, 'platform not enabled; reminder dropped');
    const record = await cards.get(job.alertUuid, job.channel);
    await sink.remind(
      { channel: job.channel, ruleId: record?.ruleId ?? job.ruleId },
      decision.messageId,
      decision.note,
    );
    log.info({ mentions: decision.note.mentions.length }, 'reminder sent');
  };
}
