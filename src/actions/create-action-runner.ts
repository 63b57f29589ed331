import type { AlertStateStore } from '../delivery/alert-state-store.ts';
import type { CardRefresher } from '../delivery/create-card-refresher.ts';
import { isBotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { ActionGrant } from './action-grant.ts';
import type { ActingUser, ActionOutcome } from './action-outcome.ts';
import { doneMessage, isWorkflowAction, pendingMessage } from './action-words.ts';
import type { CardActions, CreateCardActionsOptions } from './create-card-actions.ts';
import { recordSekoiaChange } from './record-sekoia-change.ts';
import { settleWithin } from './settle-within.ts';

/**
 * How long a click may wait for its action before it is answered with what is known. Well inside
 * Mattermost's integration timeout (`ServiceSettings.OutgoingIntegrationRequestsTimeout`, 30 s by
 * default) and Teams' invoke limit (5 s documented for invokes, 10–15 s before Bot Service gives up).
 */
export const ACTION_DEADLINE_MS = 2_000;

export const FAILED_ON_OUR_SIDE =
  'The action failed on our side; nothing was changed. Try again in a moment.';

type SekoiaPort = CreateCardActionsOptions['sekoia'];

export interface ClickRequest {
  grant: ActionGrant;
  user: ActingUser;
  /** What the user wrote, for `comment`. */
  text?: string;
  /** The platform's part of a success: announce a mute, note a comment in the card's thread. */
  onSuccess?: (outcome: ActionOutcome) => Promise<void>;
  /** Tells the clicker how an action ended that outlived the answer to the click. */
  tellLater: (outcome: ActionOutcome) => Promise<void>;
}

/** The answer to give the click now: the outcome, or a "…ing" message while the action goes on. */
export type ClickAnswer = { settled: true; outcome: ActionOutcome } | { settled: false; message: string };

export interface ActionRunner {
  run(request: ClickRequest): Promise<ClickAnswer>;
}

export interface CreateActionRunnerOptions {
  sekoia: SekoiaPort;
  /** The card actions over a given Sekoia.io port (each click gets its own, see recordSekoiaChange). */
  createActions: (sekoia: SekoiaPort) => CardActions;
  states: Pick<AlertStateStore, 'get'>;
  /** Brings every card of the alert up to date (the clicked one included) after a status change. */
  refreshCards: CardRefresher;
  deadlineMs?: number;
  log: Logger;
}

/**
 * Both platforms' clicks in one place: the action runs, the click is answered within the deadline,
 * and an action that takes longer finishes in the background, updates the cards and tells the
 * clicker. An action Sekoia.io accepted is reported as done, whatever failed after it.
 */
export function createActionRunner(options: CreateActionRunnerOptions): ActionRunner {
  const { log } = options;
  const deadlineMs = options.deadlineMs ?? ACTION_DEADLINE_MS;

  const nameOf = async (alertUuid: string): Promise<string> => {
    const state = await options.states.get(alertUuid).catch(() => undefined);
    return state?.notification.alert.shortId ?? alertUuid;
  };

  const attempt = async (request: ClickRequest): Promise<{ outcome: ActionOutcome; changed: boolean }> => {
    const { grant, user } = request;
    const recorder = recordSekoiaChange(options.sekoia);
    const actions = options.createActions(recorder.sekoia);
    try {
      const outcome = isWorkflowAction(grant.action)
        ? await actions.transition({ ...grant, action: grant.action }, user)
        : grant.action === 'mute'
          ? await actions.muteRule(grant, user)
          : await actions.comment(grant, user, request.text ?? '');
      return { outcome, changed: recorder.changed() };
    } catch (error) {
      log.error({ err: error, action: grant.action, alertUuid: grant.alertUuid }, 'card action failed');
      return { outcome: { ok: false, message: FAILED_ON_OUR_SIDE }, changed: recorder.changed() };
    }
  };

  const perform = async (request: ClickRequest): Promise<ActionOutcome> => {
    const { grant } = request;
    let { outcome, changed } = await attempt(request);
    if (!outcome.ok && changed) {
      log.warn(
        { alertUuid: grant.alertUuid, action: grant.action },
        'Sekoia.io accepted the change but what followed failed; reported as done',
      );
      outcome = { ok: true, message: doneMessage(grant.action, await nameOf(grant.alertUuid)) };
    }
    if (outcome.ok) await followSuccess(request, outcome);
    return outcome;
  };

  const followSuccess = async (request: ClickRequest, outcome: ActionOutcome) => {
    const warn = (what: string) => (error: unknown) =>
      log.warn({ err: isBotError(error) ? error.code : error, alertUuid: request.grant.alertUuid }, what);
    if (isWorkflowAction(request.grant.action))
      await options.refreshCards(request.grant.alertUuid).catch(warn('could not queue the card updates'));
    await request.onSuccess?.(outcome).catch(warn('could not follow up a card action'));
  };

  return {
    async run(request) {
      const work = perform(request);
      const within = await settleWithin(work, deadlineMs);
      if (within.inTime) return { settled: true, outcome: within.value };
      const { grant } = request;
      log.info(
        { action: grant.action, alertUuid: grant.alertUuid, deadlineMs },
        'card action answered before it ended',
      );
      void work
        .then((outcome) => request.tellLater(outcome))
        .catch((error: unknown) =>
          log.warn(
            { err: isBotError(error) ? error.code : error },
            'could not tell the clicker how the action ended',
          ),
        );
      return {
        settled: false,
        message: pendingMessage(grant.action, await nameOf(grant.alertUuid), grant.ruleId),
      };
    },
  };
}
