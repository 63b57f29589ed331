import type { Clock } from '../clock.ts';
import { type BotError, isBotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { RequestOptions, SekoiaApi } from './sekoia-api.ts';
import { type StatusRef, standardWorkflowActions } from './standard-workflow.ts';
import type { WorkflowAction } from './workflow-schema.ts';

/** Where the allowed transitions came from: Sekoia's `GET …/workflow`, or the standard workflow. */
export type WorkflowSource = 'api' | 'standard';

export interface AlertWorkflow {
  source: WorkflowSource;
  actions: WorkflowAction[];
}

export interface WorkflowReader {
  /**
   * The actions allowed from the alert's current status. `status` is asked for only when the standard
   * workflow stands in; its failure (the alert is gone, Sekoia.io is down) is the caller's.
   */
  read(
    alertUuid: string,
    status: () => StatusRef | Promise<StatusRef>,
    options?: RequestOptions,
  ): Promise<AlertWorkflow>;
}

export interface CreateWorkflowReaderOptions {
  sekoia: Pick<SekoiaApi, 'getWorkflow'>;
  clock: Clock;
  log: Logger;
  /** How long a refusal is remembered before the endpoint is tried again (default 15 min). */
  refusalMemoMs?: number;
}

/**
 * Refused or absent: the key lacks the right, the workspace or a proxy does not offer the endpoint, or
 * it answers something unreadable. Only third-party integrations use it (issue 10); the buttons must
 * work without it.
 */
const REFUSED_STATUSES: ReadonlySet<unknown> = new Set([403, 404, 405, 410, 501]);

function isRefusal(error: unknown): error is BotError {
  if (!isBotError(error)) return false;
  return error.code === 'sekoia_invalid_response' || REFUSED_STATUSES.has(error.details.status);
}

/**
 * `GET …/workflow` when it answers; otherwise the standard workflow from the alert's status. A refusal is
 * remembered for a while: asking again on every card and click would only add error answers, which
 * Sekoia.io's WAF counts (reference §11).
 */
export function createWorkflowReader(options: CreateWorkflowReaderOptions): WorkflowReader {
  const { sekoia, clock, log } = options;
  const memoMs = options.refusalMemoMs ?? 15 * 60_000;
  let refusedUntil = Number.NEGATIVE_INFINITY;

  const standard = async (alertUuid: string, status: () => StatusRef | Promise<StatusRef>) => {
    const actions = standardWorkflowActions(await status());
    log.debug({ alertUuid, workflowSource: 'standard' }, 'alert workflow read');
    return { source: 'standard' as const, actions };
  };

  return {
    async read(alertUuid, status, requestOptions) {
      if (clock.now() < refusedUntil) return standard(alertUuid, status);
      try {
        const actions = await sekoia.getWorkflow(alertUuid, requestOptions);
        log.debug({ alertUuid, workflowSource: 'api' }, 'alert workflow read');
        return { source: 'api', actions };
      } catch (error) {
        if (!isRefusal(error)) throw error;
        // Read first: a 404 for an alert that is gone must not pass for a missing endpoint.
        const workflow = await standard(alertUuid, status);
        refusedUntil = clock.now() + memoMs;
        log.info(
          { alertUuid, code: error.code, status: error.details.status, workflowSource: 'standard', memoMs },
          'Sekoia.io refused GET …/workflow; the buttons follow the standard workflow',
        );
        return workflow;
      }
    },
  };
}
