import {
  ALERT_STATUSES,
  ALLOWED_ACTIONS,
  type AlertStatusKey,
  WORKFLOW_ACTIONS,
  type WorkflowActionKey,
} from '../sekoia/workflow-constants.ts';
import type { WorkflowAction } from '../sekoia/workflow-schema.ts';
import type { NamedRef } from './notification.ts';

const ORDER = Object.keys(WORKFLOW_ACTIONS) as WorkflowActionKey[];

/**
 * The card's workflow buttons. Sekoia's `GET …/workflow` is the truth when it could be read: its
 * actions are recognised by id, or by name for workspaces whose workflow uses other ids. Without it,
 * the built-in workflow of the current status (reference §6.1) stands in.
 */
export function allowedWorkflowActions(
  workflow: readonly WorkflowAction[] | undefined,
  status: NamedRef,
): WorkflowActionKey[] {
  if (workflow !== undefined) {
    const keys = new Set(workflow.map(workflowActionKey).filter((key) => key !== undefined));
    return ORDER.filter((key) => keys.has(key));
  }
  const statusKey = statusKeyOf(status);
  return statusKey === undefined ? [] : [...ALLOWED_ACTIONS[statusKey]];
}

/** Which of our buttons a Sekoia workflow action is, by id, or by name for workflows with other ids. */
export function workflowActionKey(action: WorkflowAction): WorkflowActionKey | undefined {
  const name = action.name.trim().toLowerCase();
  return ORDER.find(
    (key) => WORKFLOW_ACTIONS[key].id === action.id || WORKFLOW_ACTIONS[key].name.toLowerCase() === name,
  );
}

function statusKeyOf(status: NamedRef): AlertStatusKey | undefined {
  const name = status.name?.trim().toLowerCase();
  return (Object.keys(ALERT_STATUSES) as AlertStatusKey[]).find(
    (key) => ALERT_STATUSES[key].uuid === status.uuid || ALERT_STATUSES[key].name.toLowerCase() === name,
  );
}
