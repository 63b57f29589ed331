import type { Request, Response } from 'restify';
import type { GroupDirectory } from '../../access/group-directory.ts';
import type { MemberDirectory } from '../../access/member-roles.ts';
import type { ActionGrant } from '../../actions/action-grant.ts';
import type { ActingUser, ActionOutcome } from '../../actions/action-outcome.ts';
import { ACTION_TABLE } from '../../actions/action-table.ts';
import { type ActionRunner, FAILED_ON_OUR_SIDE } from '../../actions/create-action-runner.ts';
import type { ClickVerifier } from '../../actions/create-click-verifier.ts';
import { rebuildClickedCard } from '../../actions/rebuild-clicked-card.ts';
import type { CardStore } from '../../delivery/card-store.ts';
import type { PlatformNames } from '../../delivery/platform-names.ts';
import { isBotError } from '../../errors.ts';
import { readJsonBody } from '../../http/read-json-body.ts';
import { sendJson } from '../../http/send-json.ts';
import type { Logger } from '../../log.ts';
import { ACTION_DIALOGS } from './action-dialogs.ts';
import { createActionContext, type UndoButtons } from './create-action-context.ts';
import type { ClickerNotice } from './create-clicker-notice.ts';
import type { createCardRenderer } from './create-mattermost-card-sink.ts';
import type { MattermostClient } from './create-mattermost-client.ts';
import { escapeBlock } from './escape-markdown.ts';
import { type ActionRequest, actionRequestSchema } from './mattermost-requests.ts';
import { openActionDialog } from './open-action-dialog.ts';

export interface CreateActionRouteOptions {
  verifier: ClickVerifier;
  actions: ActionRunner;
  cards: CardStore;
  names: PlatformNames;
  render: ReturnType<typeof createCardRenderer>;
  client: MattermostClient;
  tell: ClickerNotice;
  /** Who the clicker is in the channel, for the access policy the runner applies. */
  members: MemberDirectory;
  /** Who is in which user group (the `groups` access level), cached like the roles. */
  groups: GroupDirectory;
  /** Signs the Undo button of an exclusion announcement. */
  undo?: UndoButtons;
  /** `PUBLIC_URL/mattermost/dialogs` */
  dialogUrl: string;
  log: Logger;
}

/**
 * PostActionIntegrationResponse (reference §4.4). An outcome's message is plain text that may quote
 * the alert (Why this card? names its entity and rule): escaped like every other text we post.
 */
interface ActionAnswer {
  update?: { message: string; props: Record<string, unknown> };
  ephemeral_text?: string;
}

/**
 * The server shows `ephemeral_text` only from a 200 answer: any other status is a failed click
 * with nothing from us shown (mattermost/mattermost server/channels/app/integration_action.go,
 * DoActionRequest), so a refusal is a 200 that explains and changes nothing.
 */
export const REFUSED_CLICK =
  'This button is not valid here (expired, altered or copied from another card); nothing was changed.';

/**
 * `POST /mattermost/actions`: a card button. The signed context is checked against the post and
 * channel the server says the click came from (the post must be the alert's card there), before
 * anything else; then the action runs within
 * the click's deadline, and the clicked card is replaced for everyone in the answer (reference
 * §4.4) while other channels follow through the card jobs.
 */
export function createActionRoute(options: CreateActionRouteOptions) {
  const { verifier, actions, log: baseLog } = options;

  /** The clicked card as the new state shows it; only the message if it cannot be rendered. */
  const answerFor = async (
    grant: ActionGrant,
    outcome: ActionOutcome,
    log: Logger,
  ): Promise<ActionAnswer> => {
    if (!outcome.ok || outcome.state === undefined) return { ephemeral_text: escapeBlock(outcome.message) };
    try {
      const clicked = await rebuildClickedCard({
        cards: options.cards,
        grant,
        state: outcome.state,
        names: options.names,
      });
      if (clicked === undefined) return { ephemeral_text: escapeBlock(outcome.message) };
      const body = options.render(clicked.target, clicked.card);
      return {
        update: { message: body.message, props: body.props },
        ephemeral_text: escapeBlock(outcome.message),
      };
    } catch (error) {
      log.warn(
        { err: isBotError(error) ? error.code : error },
        'could not render the clicked card; the card job will',
      );
      return { ephemeral_text: escapeBlock(outcome.message) };
    }
  };

  const contextOf = (grant: ActionGrant, user: ActingUser) =>
    createActionContext({
      client: options.client,
      tell: options.tell,
      members: options.members,
      groups: options.groups,
      grant,
      user,
      undo: options.undo,
    });

  const run = async (grant: ActionGrant, user: ActingUser, log: Logger): Promise<ActionAnswer> => {
    const answer = await actions.run(contextOf(grant, user));
    return answer.settled
      ? answerFor(grant, answer.outcome, log)
      : { ephemeral_text: escapeBlock(answer.message) };
  };

  return async (req: Request, res: Response): Promise<void> => {
    const log = baseLog.child({ reqId: req.getId(), route: 'mattermost-action' });
    let request: ActionRequest;
    let grant: ActionGrant;
    try {
      request = actionRequestSchema.parse(await readJsonBody(req, 64 * 1024));
      grant = await verifier.verify(request.context, {
        platform: 'mattermost',
        channel: request.channel_id,
        messageId: request.post_id,
      });
    } catch (error) {
      const forbidden = isBotError(error, 'action_forbidden');
      // Not a refusal (the card map did not answer): still refused, nothing runs unchecked.
      const reason = forbidden ? error.details.reason : isBotError(error) ? error.code : 'malformed';
      log.warn({ reason }, 'card action refused');
      return sendJson(res, 200, { ephemeral_text: REFUSED_CLICK });
    }
    const user: ActingUser = {
      id: request.user_id,
      name: request.user_name ?? request.user_id,
      platform: 'mattermost',
    };
    try {
      // A button that takes text opens a dialog; its submission (create-dialog-route.ts) runs the action.
      if (!ACTION_TABLE[grant.action].needsText) return sendJson(res, 200, await run(grant, user, log));
      // Someone who may not act gets no dialog to fill in (its submission would be refused anyway).
      const refused = await actions.refusal(contextOf(grant, user));
      if (refused !== undefined) return sendJson(res, 200, { ephemeral_text: refused });
      const look = ACTION_DIALOGS[grant.action];
      const opened =
        look !== undefined &&
        (await openActionDialog({
          client: options.client,
          url: options.dialogUrl,
          triggerId: request.trigger_id,
          context: request.context,
          postId: request.post_id,
          look,
          log,
        }));
      return sendJson(
        res,
        200,
        opened ? {} : { ephemeral_text: 'The dialog could not be opened; try again.' },
      );
    } catch (error) {
      log.error({ err: error, action: grant.action }, 'card action failed');
      return sendJson(res, 200, { ephemeral_text: FAILED_ON_OUR_SIDE });
    }
  };
}
