import type { Request, Response } from 'restify';
import type { ActionGrant } from '../../actions/action-grant.ts';
import type { ActionSigner } from '../../actions/create-action-signer.ts';
import type { CardActions } from '../../actions/create-card-actions.ts';
import { MAX_COMMENT_LENGTH } from '../../actions/create-card-actions.ts';
import { BotError, isBotError } from '../../errors.ts';
import { readJsonBody } from '../../ingress/read-json-body.ts';
import type { Logger } from '../../log.ts';
import { sendJson } from '../../server/send-json.ts';
import type { MattermostClient } from './create-mattermost-client.ts';
import { type DialogRequest, dialogRequestSchema } from './mattermost-requests.ts';
import { COMMENT_CALLBACK_ID } from './open-comment-dialog.ts';
import { renderCommentNote } from './render-thread-reply.ts';

export interface CreateDialogRouteOptions {
  signer: ActionSigner;
  actions: CardActions;
  client: MattermostClient;
  log: Logger;
}

/**
 * Like a click, a submission's answer is shown only from a 200 (SubmitInteractiveDialog goes through
 * the same DoActionRequest, reference §5.3): a refusal is a 200 whose `error` the dialog shows.
 */
export const REFUSED_DIALOG =
  'This dialog is not valid here (expired, altered or copied from another card); nothing was changed.';

/**
 * `POST /mattermost/dialogs`: the Comment dialog. Its `state` is the Comment button's signed payload,
 * checked against the channel the submission comes from; the comment goes to Sekoia.io with the
 * user as author and is noted in the card's thread.
 */
export function createDialogRoute(options: CreateDialogRouteOptions) {
  const { signer, actions, client } = options;

  const verify = (request: DialogRequest): ActionGrant => {
    if (request.callback_id !== COMMENT_CALLBACK_ID)
      throw new BotError('action_forbidden', { details: { reason: 'callback' } });
    const context: unknown = JSON.parse(request.state);
    const messageId =
      typeof context === 'object' && context !== null && 'm' in context ? String(context.m) : '';
    const grant = signer.verify(context, { platform: 'mattermost', channel: request.channel_id, messageId });
    if (grant.action !== 'comment') throw new BotError('action_forbidden', { details: { reason: 'action' } });
    return grant;
  };

  return async (req: Request, res: Response): Promise<void> => {
    const log = options.log.child({ reqId: req.getId(), route: 'mattermost-dialog' });
    let request: DialogRequest;
    let grant: ActionGrant;
    try {
      request = dialogRequestSchema.parse(await readJsonBody(req, 64 * 1024));
      grant = verify(request);
    } catch (error) {
      log.warn(
        { reason: isBotError(error) ? (error.details.reason ?? error.code) : 'malformed' },
        'dialog submission refused',
      );
      return sendJson(res, 200, { error: REFUSED_DIALOG });
    }
    if (request.cancelled === true) return sendJson(res, 200, {});
    const text = request.submission?.comment;
    if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_COMMENT_LENGTH) {
      return sendJson(res, 200, { errors: { comment: `Write 1 to ${MAX_COMMENT_LENGTH} characters.` } });
    }
    try {
      const user = await client.getUser(request.user_id);
      const outcome = await actions.comment(
        grant,
        { id: request.user_id, name: user.username, platform: 'mattermost' },
        text,
      );
      if (!outcome.ok) return sendJson(res, 200, { error: outcome.message });
      await client
        .createPost({
          channel_id: grant.channel,
          root_id: grant.messageId,
          message: renderCommentNote({ by: user.username, text }),
        })
        .catch((error: unknown) =>
          log.warn(
            { err: isBotError(error) ? error.code : error },
            'could not note the comment in the thread',
          ),
        );
      return sendJson(res, 200, {});
    } catch (error) {
      log.error({ err: error }, 'comment failed');
      return sendJson(res, 200, { error: 'The comment could not be added; try again in a moment.' });
    }
  };
}
