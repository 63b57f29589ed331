import { standardWorkflowActions } from '../sekoia/standard-workflow.ts';
import { WORKFLOW_ACTIONS, type WorkflowActionKey } from '../sekoia/workflow-constants.ts';
import type { WorkflowAction } from '../sekoia/workflow-schema.ts';
import type { NamedRef } from './notification.ts';

const ORDER = Object.keys(WORKFLOW_ACTIONS) as WorkflowActionKey[];

/**
 * The card's workflow buttons. Sekoia's `GET …/workflow` is the truth when it could be read: its
 * actions are recognised by id, or by name for workspaces whose workflow uses other ids. Without it,
 * the standard workflow of the current status (reference §6.1) stands in.
 */
export function allowedWorkflowActions(
  workflow: readonly WorkflowAction[] | undefined,
  status: NamedRef,
): WorkflowActionKey[] {
  const keys = new Set((workflow ?? standardWorkflowActions(status)).map(workflowActionKey));
  return ORDER.filter((key) => keys.has(key));
}

/** Which of our buttons a Sekoia workflow action is, by id, or by name for workflows with other ids. */
export function workflowActionKey(action: WorkflowAction): WorkflowActionKey | undefined {
  const name = action.name.trim().toLowerCase();
  return ORDER.find(
    (key) => WORKFLOW_ACTIONS[key].id === action.id || WORKFLOW_ACTIONS[key].name.toLowerCase() === name,
  );
}
