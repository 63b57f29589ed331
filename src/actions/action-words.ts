import type { CardActionKey } from '../delivery/alert-card.ts';
import { WORKFLOW_ACTIONS, type WorkflowActionKey } from '../sekoia/workflow-constants.ts';

const WORDS: Readonly<Record<WorkflowActionKey, { doing: string; done: string }>> = {
  acknowledge: { doing: 'Acknowledging', done: 'acknowledged' },
  validate: { doing: 'Validating', done: 'validated' },
  reject: { doing: 'Rejecting', done: 'rejected' },
  close: { doing: 'Closing', done: 'closed' },
};

export function isWorkflowAction(action: CardActionKey): action is WorkflowActionKey {
  return Object.hasOwn(WORKFLOW_ACTIONS, action);
}

/** The answer to a click whose action is still running: what is being done, and what comes next. */
export function pendingMessage(action: CardActionKey, alertName: string, ruleId: string): string {
  if (isWorkflowAction(action))
    return `${WORDS[action].doing} ${alertName}; the card will update when Sekoia.io answers.`;
  if (action === 'comment')
    return `Adding your comment to ${alertName}; it will be noted in the card's thread when Sekoia.io has it.`;
  return `Muting rule ${ruleId}…`;
}

/** An action Sekoia.io accepted although what followed (re-reading the alert) failed. */
export function doneMessage(action: CardActionKey, alertName: string): string {
  if (isWorkflowAction(action))
    return `${alertName}: ${WORDS[action].done} in Sekoia.io; the card will follow.`;
  return action === 'comment' ? 'Comment added in Sekoia.io.' : 'Done.';
}
