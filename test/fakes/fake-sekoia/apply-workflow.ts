import { randomUUID } from 'node:crypto';
import { appendComment } from './append-comment.ts';
import type { FakeAlert } from './fake-alert.ts';
import {
  FAKE_ACTIONS,
  FAKE_STATUSES,
  FAKE_TRANSITIONS,
  type FakeAction,
  statusNameOf,
} from './fake-workflow.ts';

export function allowedActions(alert: FakeAlert): FakeAction[] {
  const name = statusNameOf(alert);
  const names = name === undefined ? [] : FAKE_TRANSITIONS[name];
  return FAKE_ACTIONS.filter((action) => names.includes(action.name));
}

export interface WorkflowChange {
  actionUuid: string;
  comment?: string | undefined;
  actorUuid: string;
  nowS: number;
}

export type WorkflowOutcome = { ok: true; action: FakeAction } | { ok: false; status: 400; message: string };

/** `action_uuid` may be an action id or the target status UUID; both are accepted (reference §6.2). */
function resolveAction(alert: FakeAlert, actionUuid: string): FakeAction | undefined {
  return allowedActions(alert).find(
    (action) => action.id === actionUuid || FAKE_STATUSES[action.to].status.uuid === actionUuid,
  );
}

/** Moves the alert along its workflow, recording history and the optional comment (reference §12.4). */
export function applyWorkflow(alert: FakeAlert, change: WorkflowChange): WorkflowOutcome {
  const action = resolveAction(alert, change.actionUuid);
  if (action === undefined) {
    return { ok: false, status: 400, message: `Transition not allowed from status ${alert.status.name}` };
  }
  const historyComments = [];
  if (change.comment !== undefined && change.comment !== '') {
    const comment = appendComment(alert, {
      content: change.comment,
      actorUuid: change.actorUuid,
      nowS: change.nowS,
    });
    if (comment === undefined) return { ok: false, status: 400, message: 'Too many comments on this alert' };
    historyComments.push(comment);
  }
  const previous = alert.status.name;
  const next = FAKE_STATUSES[action.to];
  alert.status = { ...next.status };
  alert.custom_status_uuid = next.custom.uuid;
  alert.custom_status = { ...next.custom };
  alert.updated_at = change.nowS;
  alert.updated_by = change.actorUuid;
  alert.updated_by_type = 'apikey';
  alert.history.push({
    uuid: randomUUID(),
    created_at: change.nowS,
    created_by: change.actorUuid,
    created_by_type: 'apikey',
    entry_type: 'alert',
    alert: { status: next.status.name, previous_status: previous },
    history_comments: historyComments,
  });
  return { ok: true, action };
}
