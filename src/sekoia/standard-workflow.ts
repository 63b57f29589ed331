import type { SekoiaAlert } from './alert-schema.ts';
import {
  ALERT_STATUSES,
  ALLOWED_ACTIONS,
  type AlertStatusKey,
  WORKFLOW_ACTIONS,
} from './workflow-constants.ts';
import type { WorkflowAction } from './workflow-schema.ts';

/** An alert status as far as it is known: its legacy UUID, its (custom status) name. */
export interface StatusRef {
  uuid?: string | undefined;
  name?: string | undefined;
}

/** The status the cards show and the buttons follow: the custom status label first (reference §6.3). */
export function alertStatusRef(alert: Pick<SekoiaAlert, 'status' | 'custom_status'>): StatusRef {
  return { uuid: alert.status.uuid, name: alert.custom_status?.label ?? alert.status.name ?? undefined };
}

/** Which built-in status this is: by UUID, or by name (converted custom statuses keep it, reference §6.3). */
export function standardStatusKey(status: StatusRef): AlertStatusKey | undefined {
  const name = status.name?.trim().toLowerCase();
  return (Object.keys(ALERT_STATUSES) as AlertStatusKey[]).find(
    (key) => ALERT_STATUSES[key].uuid === status.uuid || ALERT_STATUSES[key].name.toLowerCase() === name,
  );
}

/**
 * The standard workflow's transitions from a status, shaped like a `GET …/workflow` answer (reference
 * §6.1–6.2; the ids are those of Sekoia's own "Update Alert Status" action, S23). None for an unknown
 * status: a custom workflow cannot be guessed.
 */
export function standardWorkflowActions(status: StatusRef): WorkflowAction[] {
  const key = standardStatusKey(status);
  if (key === undefined) return [];
  return ALLOWED_ACTIONS[key].map((action) => ({
    id: WORKFLOW_ACTIONS[action].id,
    name: WORKFLOW_ACTIONS[action].name,
  }));
}
