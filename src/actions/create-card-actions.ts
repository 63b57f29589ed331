import type { Clock } from '../clock.ts';
import type { AlertState, AlertStateStore } from '../delivery/alert-state-store.ts';
import { PLATFORM_NAMES } from '../delivery/platform-names.ts';
import { isBotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { allowedWorkflowActions, workflowActionKey } from '../normalize/allowed-workflow-actions.ts';
import { summarizeAlert } from '../normalize/normalize-alert.ts';
import type { AlertNotification, AlertSummary } from '../normalize/notification.ts';
import { formatDuration } from '../rules/parse-duration.ts';
import type { RuleStore } from '../rules/rule-store.ts';
import type { WorkflowReader } from '../sekoia/create-workflow-reader.ts';
import type { RequestOptions, SekoiaApi } from '../sekoia/sekoia-api.ts';
import { alertStatusRef } from '../sekoia/standard-workflow.ts';
import { WORKFLOW_ACTIONS, type WorkflowActionKey } from '../sekoia/workflow-constants.ts';
import type { ActionGrant } from './action-grant.ts';
import type { ActingUser, ActionOutcome } from './action-outcome.ts';
import { buildCommentAuthor } from './build-comment-author.ts';
import { describeSekoiaFailure } from './describe-sekoia-failure.ts';

export const MUTE_FROM_CARD_MS = 3_600_000;
/** Someone is waiting on the button: served before enrichment and watchers (create-sekoia-pacer.ts). */
const INTERACTIVE: RequestOptions = { priority: 'interactive' };
export const MAX_COMMENT_LENGTH = 2_000;

const PAST: Readonly<Record<WorkflowActionKey, string>> = {
  acknowledge: 'Acknowledged',
  validate: 'Validated',
  reject: 'Rejected',
  close: 'Closed',
};

export interface CardActions {
  /** Acknowledge / validate / reject / close, with a comment naming the chat user. */
  transition(grant: ActionGrant & { action: WorkflowActionKey }, user: ActingUser): Promise<ActionOutcome>;
  /** Mutes the card's rule for an hour (the rule must belong to the card's channel). */
  muteRule(grant: ActionGrant, user: ActingUser): Promise<ActionOutcome>;
  comment(grant: ActionGrant, user: ActingUser, text: string): Promise<ActionOutcome>;
}

export interface CreateCardActionsOptions {
  sekoia: Pick<SekoiaApi, 'getAlert' | 'patchWorkflow' | 'postComment'>;
  /** `GET …/workflow`, or the standard workflow when Sekoia.io refuses it. */
  workflow: WorkflowReader;
  states: AlertStateStore;
  rules: Pick<RuleStore, 'get' | 'setMute'>;
  clock: Clock;
  appUrl: string;
  log: Logger;
  /** Names the alert's assets on the re-read card (asset API, cached). */
  assets?: { resolve(alert: AlertSummary): Promise<AlertSummary> };
}

/** The platform-neutral side of the card buttons: Sekoia.io is changed first, the card follows it. */
export function createCardActions(options: CreateCardActionsOptions): CardActions {
  const { sekoia, states, clock, log } = options;

  const reread = async (
    alertUuid: string,
    previous: AlertNotification | undefined,
  ): Promise<AlertNotification> => {
    const alert = await sekoia.getAlert(alertUuid, INTERACTIVE);
    const read = summarizeAlert(alert, options.appUrl);
    const summary = options.assets ? await options.assets.resolve(read) : read;
    const workflow = await options.workflow
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
      observedAt: clock.now(),
    };
  };

  return {
    async transition(grant, user) {
      const verb = PAST[grant.action];
      const label = WORKFLOW_ACTIONS[grant.action].name.toLowerCase();
      try {
        const previous = await states.get(grant.alertUuid);
        const workflow = await options.workflow.read(
          grant.alertUuid,
          async () => alertStatusRef(await sekoia.getAlert(grant.alertUuid, INTERACTIVE)),
          INTERACTIVE,
        );
        const action = workflow.actions.find((a) => workflowActionKey(a) === grant.action);
        if (action === undefined) {
          return {
            ok: false,
            message: `This alert cannot be ${verb.toLowerCase()} any more: its status changed in Sekoia.io.`,
          };
        }
        const comment = `${verb} from ${PLATFORM_NAMES[user.platform]} by @${user.name}`;
        await sekoia.patchWorkflow(grant.alertUuid, { actionUuid: action.id, comment }, INTERACTIVE);
        log.info(
          { alertUuid: grant.alertUuid, action: grant.action, workflowSource: workflow.source },
          'alert status changed from a card',
        );
        const notification = await reread(grant.alertUuid, previous?.notification);
        const activity = {
          verb,
          by: user.name,
          platform: user.platform,
          at: clock.now(),
          status: notification.alert.status.name,
        };
        const state: AlertState = await states.offer({ notification, activity });
        const name = notification.alert.shortId ?? grant.alertUuid;
        return { ok: true, message: `${name}: ${verb.toLowerCase()} in Sekoia.io.`, state };
      } catch (error) {
        log.warn({ err: errorCode(error), alertUuid: grant.alertUuid }, 'card action failed');
        return { ok: false, message: `Could not ${label} the alert: ${describeSekoiaFailure(error)}` };
      }
    },

    async muteRule(grant, user) {
      const rule = await options.rules.get(grant.ruleId);
      if (
        rule === undefined ||
        rule.channel.platform !== grant.platform ||
        rule.channel.channel !== grant.channel
      ) {
        return { ok: false, message: 'The rule behind this card no longer exists in this channel.' };
      }
      const until = clock.now() + MUTE_FROM_CARD_MS;
      await options.rules.setMute(rule.id, {
        until,
        by: { id: user.id, name: user.name },
        reason: 'muted from an alert card',
      });
      return { ok: true, message: `Rule ${rule.id} muted for ${formatDuration(MUTE_FROM_CARD_MS)}.` };
    },

    async comment(grant, user, text) {
      const content = text.trim();
      if (content === '' || content.length > MAX_COMMENT_LENGTH) {
        return { ok: false, message: `A comment takes 1 to ${MAX_COMMENT_LENGTH} characters.` };
      }
      try {
        // The author is cut to Sekoia.io's 32 characters; then the full name signs the text instead.
        const { author, signature } = buildCommentAuthor(user);
        const signed = signature === undefined ? content : `${content}\n\n— ${signature}`;
        await sekoia.postComment(grant.alertUuid, { content: signed, author }, INTERACTIVE);
        return { ok: true, message: 'Comment added in Sekoia.io.' };
      } catch (error) {
        log.warn({ err: errorCode(error), alertUuid: grant.alertUuid }, 'comment failed');
        return { ok: false, message: `Could not add the comment: ${describeSekoiaFailure(error)}` };
      }
    },
  };
}

function errorCode(error: unknown): unknown {
  return isBotError(error) ? error.code : error;
}
