import type { Request, Response } from 'restify';
import type { GroupDirectory } from '../../access/group-directory.ts';
import type { MemberDirectory } from '../../access/member-roles.ts';
import type { CommandServices } from '../../commands/command.ts';
import type { CommandContext, Reply } from '../../commands/command-context.ts';
import type { CommandRegistry } from '../../commands/create-command-registry.ts';
import { runCommand } from '../../commands/run-command.ts';
import { BotError, isBotError } from '../../errors.ts';
import { sendJson } from '../../http/send-json.ts';
import { createSecretVerifier } from '../../http/verify-secret.ts';
import type { Logger } from '../../log.ts';
import type { MattermostClient } from './create-mattermost-client.ts';
import type { ResponseUrlResolver } from './create-response-url-resolver.ts';
import type { LinkDialog } from './link-dialog.ts';
import { type CommandRequest, commandRequestSchema } from './mattermost-requests.ts';
import { postFollowUp } from './post-follow-up.ts';
import { firstValues, readForm } from './read-form.ts';
import { renderAnnouncement, renderReply } from './render-reply.ts';

export interface CreateCommandRouteOptions {
  tokens: readonly string[];
  registry: CommandRegistry;
  services: CommandServices;
  client: MattermostClient;
  /** Who the user is in the channel, for the access policy runCommand applies. */
  members: MemberDirectory;
  /** User groups: `access groups` checks names with it, the policy reads who is in them. */
  groups: GroupDirectory;
  /** Which `response_url`s are the configured server's, and where to send their late answers. */
  responseUrls: Pick<ResponseUrlResolver, 'resolve'>;
  log: Logger;
  /** Answer with what is ready by then, and send the rest through `response_url` (reference §2.5). */
  deadlineMs?: number;
  /** `link` opens it (with the command's trigger id) when linked identities are on. */
  link?: LinkDialog | undefined;
}

/** `POST|GET /mattermost/command`: token check, then the platform-neutral commands, answered ephemeral. */
export function createCommandRoute(options: CreateCommandRouteOptions) {
  const verifiers = options.tokens.map(createSecretVerifier);
  const deadlineMs = options.deadlineMs ?? 2_500;

  // Every configured token is compared, so timing does not tell how many there are or which matched.
  const tokenIsValid = (token: string) => verifiers.map((verify) => verify(token)).includes(true);

  return async (req: Request, res: Response): Promise<void> => {
    const log = options.log.child({ reqId: req.getId(), route: 'mattermost-command' });
    let command: CommandRequest;
    try {
      const fields = firstValues(await readForm(req));
      if (!tokenIsValid(fields.token ?? '')) {
        log.warn('slash command with a wrong token refused');
        return sendJson(res, 401, {
          response_type: 'ephemeral',
          text: 'This command token is not accepted.',
        });
      }
      const parsed = commandRequestSchema.safeParse(fields);
      if (!parsed.success)
        throw new BotError('request_invalid', { message: 'malformed slash command', retryable: false });
      command = parsed.data;
    } catch (error) {
      const status = isBotError(error, 'webhook_payload_too_large') ? 413 : 400;
      log.warn({ err: isBotError(error) ? error.code : 'unexpected' }, 'slash command refused');
      return sendJson(res, status, { response_type: 'ephemeral', text: 'This request could not be read.' });
    }
    const replies: Reply[] = [];
    let answered = false;
    const followUp = (reply: Reply) =>
      postFollowUp(command.response_url, options.responseUrls, renderReply(reply), log);
    const ctx: CommandContext = {
      platform: 'mattermost',
      channel: { platform: 'mattermost', team: command.team_id, channel: command.channel_id },
      user: { id: command.user_id, name: command.user_name },
      log: log.child({ channelId: command.channel_id, userId: command.user_id }),
      readRoles: () => options.members.readMemberRoles(command.channel_id, command.user_id),
      groups: options.groups,
      notifiesByName: true,
      promptForApiKey: () =>
        options.link === undefined
          ? Promise.resolve({ ok: false, why: 'Linking is off.' })
          : options.link.prompt({
              triggerId: command.trigger_id,
              userId: command.user_id,
              responseUrl: command.response_url,
            }),
      reply: async (reply) => {
        if (answered) await followUp(reply);
        else replies.push(reply);
      },
      announce: async (reply) => {
        try {
          await options.client.createPost({
            channel_id: command.channel_id,
            message: renderAnnouncement(reply),
          });
        } catch (error) {
          log.warn({ err: isBotError(error) ? error.code : error }, 'could not announce in the channel');
          await ctx.reply({
            kind: 'info',
            text: 'The bot could not announce this in the channel: add it to the channel so that everyone sees rule changes.',
          });
        }
      },
    };
    const done = runCommand(ctx, command.text, { registry: options.registry, services: options.services });
    const finishedInTime = await Promise.race([done.then(() => true), delay(deadlineMs).then(() => false)]);
    answered = true;
    const text = finishedInTime ? replies.map(renderReply).join('\n\n') : 'Working on it…';
    sendJson(res, 200, { response_type: 'ephemeral', text: text || 'Done.' });
    if (!finishedInTime) {
      await done;
      for (const reply of replies) await followUp(reply);
    }
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
