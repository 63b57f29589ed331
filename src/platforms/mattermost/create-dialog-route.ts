import type { Request, Response } from 'restify';
import type { GroupDirectory } from '../../access/group-directory.ts';
import type { MemberDirectory } from '../../access/member-roles.ts';
import type { ActionGrant } from '../../actions/action-grant.ts';
import type { ActingUser } from '../../actions/action-outcome.ts';
import { type ActionRunner, FAILED_ON_OUR_SIDE } from '../../actions/create-action-runner.ts';
import type { ClickVerifier } from '../../actions/create-click-verifier.ts';
import { BotError, isBotError } from '../../errors.ts';
import { readJsonBody } from '../../http/read-json-body.ts';
import { sendJson } from '../../http/send-json.ts';
import type { Logger } from '../../log.ts';
import { dialogAction } from './action-dialogs.ts';
import { createActionContext } from './create-action-context.ts';
import type { ClickerNotice } from './create-clicker-notice.ts';
import type { MattermostClient } from './create-mattermost-client.ts';
import { LINK_CALLBACK_ID, type LinkDialog } from './link-dialog.ts';
import { type DialogRequest, dialogRequestSchema } from './mattermost-requests.ts';
import { readDialogState } from './read-dialog-state.ts';
import { type DialogSubmission, readDialogSubmission } from './read-dialog-submission.ts';

export interface CreateDialogRouteOptions {
  verifier: ClickVerifier;
  actions: ActionRunner;
  client: MattermostClient;
  tell: ClickerNotice;
  members: MemberDirectory;
  groups: GroupDirectory;
  /** The `/sekoia link` dialog's submissions, when linked identities are on. */
  link?: LinkDialog | undefined;
  log: Logger;
}

/**
 * Like a click, a submission's answer is shown only from a 200 (SubmitInteractiveDialog goes through
 * the same DoActionRequest, reference §5.3): a refusal is a 200 whose `error` the dialog shows.
 */
export const REFUSED_DIALOG =
  'This dialog is not valid here (expired, altered or copied from another card); nothing was changed.';

/**
 * `POST /mattermost/dialogs`: the Comment and Change urgency dialogs. Its `state` is the Comment button's signed payload
 * and the post it was clicked on, checked like a click against the channel the submission comes from; the comment goes to Sekoia.io with the
 * user as author and is noted in the card's thread. A slow Sekoia.io closes the dialog at the
 * deadline; the clicker is told later if the comment could not be added.
 */
export function createDialogRoute(options: CreateDialogRouteOptions) {
  const { verifier, actions, client } = options;

  const verify = async (request: DialogRequest): Promise<ActionGrant> => {
    const action = dialogAction(request.callback_id);
    if (action === undefined) throw new BotError('action_forbidden', { details: { reason: 'callback' } });
    const { payload, messageId } = readDialogState(JSON.parse(request.state));
    const grant = await verifier.verify(payload, {
      platform: 'mattermost',
      channel: request.channel_id,
      messageId,
    });
    if (grant.action !== action) throw new BotError('action_forbidden', { details: { reason: 'action' } });
    return grant;
  };

  const submit = async (grant: ActionGrant, userId: string, typed: DialogSubmission & { ok: true }) => {
    const profile = await client.getUser(userId);
    const user: ActingUser = { id: userId, name: profile.username, platform: 'mattermost' };
    const { tell, members, groups } = options;
    const { text, fields } = typed;
    return actions.run(createActionContext({ client, tell, members, groups, grant, user, text, fields }));
  };

  return async (req: Request, res: Response): Promise<void> => {
    const log = options.log.child({ reqId: req.getId(), route: 'mattermost-dialog' });
    let request: DialogRequest;
    let grant: ActionGrant;
    try {
      request = dialogRequestSchema.parse(await readJsonBody(req, 64 * 1024));
      if (request.callback_id === LINK_CALLBACK_ID && options.link !== undefined)
        return await submitLink(options.link, request, res, log);
      grant = await verify(request);
    } catch (error) {
      log.warn(
        { reason: isBotError(error) ? (error.details.reason ?? error.code) : 'malformed' },
        'dialog submission refused',
      );
      return sendJson(res, 200, { error: REFUSED_DIALOG });
    }
    if (request.cancelled === true) return sendJson(res, 200, {});
    const typed = readDialogSubmission(grant.action, request.submission);
    if (!typed.ok) return sendJson(res, 200, { errors: typed.errors });
    try {
      const answer = await submit(grant, request.user_id, typed);
      // Past the deadline the dialog closes; the note in the thread, or a word to the clicker, follows.
      if (!answer.settled || answer.outcome.ok) return sendJson(res, 200, {});
      return sendJson(res, 200, { error: answer.outcome.message });
    } catch (error) {
      log.error({ err: error, action: grant.action }, 'dialog action failed');
      return sendJson(res, 200, { error: FAILED_ON_OUR_SIDE });
    }
  };
}

/** A `/sekoia link` submission: its own answer, never the card actions' path. */
async function submitLink(link: LinkDialog, request: DialogRequest, res: Response, log: Logger) {
  try {
    return sendJson(res, 200, await link.submit(request));
  } catch (error) {
    log.error({ err: isBotError(error) ? error.code : 'unexpected' }, 'link dialog failed');
    return sendJson(res, 200, {
      error: 'Linking failed on our side; nothing was stored. Try again in a moment.',
    });
  }
}
