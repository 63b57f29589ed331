import { workflowActionKey } from '../normalize/allowed-workflow-actions.ts';
import { alertStatusRef } from '../sekoia/standard-workflow.ts';
import { WORKFLOW_ACTIONS, type WorkflowActionKey } from '../sekoia/workflow-constants.ts';
import { type ButtonLook, type CardAction, INTERACTIVE } from './card-action.ts';
import { describeSekoiaFailure, errorCode } from './describe-sekoia-failure.ts';
import { rereadAndRecord } from './reread-and-record.ts';

/** Each workflow button's words: its look, "…ing" while it runs, and the past tense for the card. */
const WORDS: Readonly<
  Record<WorkflowActionKey, { style: ButtonLook['style']; doing: string; past: string }>
> = {
  acknowledge: { style: 'primary', doing: 'Acknowledging', past: 'Acknowledged' },
  validate: { style: 'success', doing: 'Validating', past: 'Validated' },
  reject: { style: 'danger', doing: 'Rejecting', past: 'Rejected' },
  close: { style: 'danger', doing: 'Closing', past: 'Closed' },
};

/**
 * Acknowledge / validate / reject / close: one handler for the four. The transition is looked up in
 * the alert's workflow now (the status may have moved since the card), applied with a comment naming
 * the chat user, then the alert is re-read so that the card shows what Sekoia.io has.
 */
export function workflowAction(key: WorkflowActionKey): CardAction {
  const { style, doing, past } = WORDS[key];
  const name = WORKFLOW_ACTIONS[key].name;
  return {
    button: { id: key, label: name, style },
    changesStatus: true,
    needsText: false,
    pending: (alertName) => `${doing} ${alertName}; the card will update when Sekoia.io answers.`,
    done: (alertName) => `${alertName}: ${past.toLowerCase()} in Sekoia.io; the card will follow.`,
    async run({ grant, user }, services) {
      const { sekoia, states, log } = services;
      try {
        const previous = await states.get(grant.alertUuid);
        const workflow = await services.workflow.read(
          grant.alertUuid,
          async () => alertStatusRef(await sekoia.getAlert(grant.alertUuid, INTERACTIVE)),
          INTERACTIVE,
        );
        const action = workflow.actions.find((a) => workflowActionKey(a) === key);
        if (action === undefined) {
          return {
            ok: false,
            message: `This alert cannot be ${past.toLowerCase()} any more: its status changed in Sekoia.io.`,
          };
        }
        const comment = `${past} from ${services.platforms.displayName(user.platform)} by @${user.name}`;
        await sekoia.patchWorkflow(grant.alertUuid, { actionUuid: action.id, comment }, INTERACTIVE);
        log.info(
          { alertUuid: grant.alertUuid, action: key, workflowSource: workflow.source },
          'alert status changed from a card',
        );
        const { notification, state } = await rereadAndRecord(services, {
          alertUuid: grant.alertUuid,
          user,
          verb: past,
          previous: previous?.notification,
        });
        const shortId = notification.alert.shortId ?? grant.alertUuid;
        return { ok: true, message: `${shortId}: ${past.toLowerCase()} in Sekoia.io.`, state };
      } catch (error) {
        log.warn({ err: errorCode(error), alertUuid: grant.alertUuid }, 'card action failed');
        return {
          ok: false,
          message: `Could not ${name.toLowerCase()} the alert: ${describeSekoiaFailure(error)}`,
        };
      }
    },
  };
}
