import { allowedWorkflowActions } from '../normalize/allowed-workflow-actions.ts';
import { summarizeAlert } from '../normalize/normalize-alert.ts';
import type { AlertNotification } from '../normalize/notification.ts';
import { alertStatusRef } from '../sekoia/standard-workflow.ts';
import { type ActionServices, INTERACTIVE } from './card-action.ts';
import { errorCode } from './describe-sekoia-failure.ts';

/** The alert as Sekoia.io has it after a change from a card, with the workflow its new status allows. */
export async function rereadAlert(
  services: ActionServices,
  alertUuid: string,
  previous: AlertNotification | undefined,
): Promise<AlertNotification> {
  const { sekoia, clock, log } = services;
  // When the read starts, not when it ends: a slow answer may be older than a quicker read started later.
  const observedAt = clock.now();
  const alert = await sekoia.getAlert(alertUuid, INTERACTIVE);
  const read = summarizeAlert(alert, services.appUrl);
  const summary = services.assets ? await services.assets.resolve(read) : read;
  const workflow = await services.workflow
    .read(alert.uuid, () => alertStatusRef(alert), INTERACTIVE)
    .catch((error: unknown) => {
      log.warn({ err: errorCode(error), alertUuid, workflowSource: 'standard' }, 'alert workflow unread');
      return undefined;
    });
  return {
    kind: 'alert',
    trigger: 'alert-updated',
    event: previous?.event ?? {
      id: `action:${alertUuid}`,
      type: 'alert',
      action: 'updated',
      createdAt: '',
      receivedAt: clock.now(),
    },
    alert: summary,
    changes: ['status'],
    enriched: true,
    workflow: allowedWorkflowActions(workflow?.actions, summary.status),
    observedAt,
  };
}
