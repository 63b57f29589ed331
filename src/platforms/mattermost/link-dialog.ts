import type { KeyPrompt } from '../../commands/command-context.ts';
import { isBotError } from '../../errors.ts';
import type { IdentityLinks, LinkResult } from '../../identity/create-identity-links.ts';
import type { Logger } from '../../log.ts';
import type { DialogLook } from './action-dialogs.ts';
import type { MattermostClient } from './create-mattermost-client.ts';
import type { ResponseUrlResolver } from './create-response-url-resolver.ts';
import { escapeInline } from './escape-markdown.ts';
import type { DialogRequest } from './mattermost-requests.ts';
import { postFollowUp } from './post-follow-up.ts';

export const LINK_CALLBACK_ID = 'sekoia_link';
export const API_KEY_FIELD = 'api_key';

/** Reference mattermost.md §5.1–5.2: title and display names ≤ 24; `password` hides what is typed. */
const LINK_DIALOG: DialogLook = {
  callback_id: LINK_CALLBACK_ID,
  title: 'Link to Sekoia.io',
  introduction_text:
    'Paste a personal Sekoia.io API key (Settings › API keys). The bot checks it with Sekoia.io and keeps it encrypted; your card actions then run with it, under your own Sekoia.io permissions. `/sekoia unlink` forgets it.',
  submit_label: 'Link',
  elements: [
    {
      display_name: 'Sekoia.io API key',
      name: API_KEY_FIELD,
      type: 'text',
      subtype: 'password',
      // A text element takes at most 150 characters by default (mattermost.md §5.2); a Sekoia.io API
      // key is at most 100 (sekoia-api.md §2): the default bound holds it.
      max_length: 150,
      help_text: 'Never paste it in a channel: only this dialog.',
    },
  ],
};

/** What a link dialog's `state` carries: the ticket that binds it to its user, and where to answer. */
interface LinkDialogState {
  t: string;
  r?: string;
}

const REFUSED =
  'This dialog is not valid (expired or not opened for you); nothing was stored. Type /sekoia link again.';

const FIELD_ERRORS: Record<Exclude<LinkResult, { ok: true }>['reason'], string | undefined> = {
  refused: 'Sekoia.io did not accept this key (invalid, expired or revoked); nothing was stored.',
  malformed: 'This is not a Sekoia.io API key; nothing was stored.',
  unavailable: undefined,
};

function readState(text: string): LinkDialogState | undefined {
  try {
    const state: unknown = JSON.parse(text);
    if (typeof state !== 'object' || state === null || !('t' in state) || typeof state.t !== 'string')
      return undefined;
    const r = 'r' in state && typeof state.r === 'string' ? state.r : undefined;
    return { t: state.t, ...(r === undefined ? {} : { r }) };
  } catch {
    // Not ours: refused like any altered state.
    return undefined;
  }
}

/**
 * `/sekoia link`: a dialog with a password field (the key never shows in the channel), checked with
 * Sekoia.io on submit. The dialog's `state` holds a ticket bound to the user it was opened for,
 * because anyone can post a submission to the bot (reference mattermost.md §5.3).
 */
export function createLinkDialog(options: {
  client: MattermostClient;
  identities: IdentityLinks;
  responseUrls: Pick<ResponseUrlResolver, 'resolve'>;
  dialogUrl: string;
  log: Logger;
}) {
  const { client, identities, log } = options;

  const prompt = async (input: {
    triggerId: string | undefined;
    userId: string;
    responseUrl: string | undefined;
  }): Promise<KeyPrompt> => {
    const tickets = identities.tickets;
    if (tickets === undefined || !input.triggerId) return { ok: false, why: 'No dialog can be opened here.' };
    const state: LinkDialogState = {
      t: tickets.issue({ platform: 'mattermost', id: input.userId }),
      ...(input.responseUrl ? { r: input.responseUrl } : {}),
    };
    try {
      const dialog = { ...LINK_DIALOG, notify_on_cancel: false, state: JSON.stringify(state) };
      await client.openDialog({ trigger_id: input.triggerId, url: options.dialogUrl, dialog });
      return { ok: true, where: 'Paste your Sekoia.io API key in the dialog that opened.' };
    } catch (error) {
      log.warn({ err: isBotError(error) ? error.code : error }, 'could not open the link dialog');
      return { ok: false, why: 'The link dialog could not be opened; type /sekoia link again.' };
    }
  };

  /** Confirms privately: an ephemeral post, or the slash command's `response_url` when that is refused. */
  const confirm = async (request: DialogRequest, state: LinkDialogState, message: string) => {
    try {
      await client.createPostEphemeral(request.user_id, { channel_id: request.channel_id, message });
    } catch {
      // Ephemeral posts need a system admin bot (reference §6.3): the command's own answer path instead.
      await postFollowUp(state.r, options.responseUrls, message, log);
    }
  };

  /** The dialog's answer (reference §5.3): `{}` closes it, `errors` shows under the field. */
  const submit = async (request: DialogRequest): Promise<Record<string, unknown>> => {
    const state = readState(request.state);
    const owner = { platform: 'mattermost', id: request.user_id };
    if (state === undefined || identities.tickets?.check(state.t, owner) !== true) {
      log.warn({ reason: 'ticket' }, 'link dialog submission refused');
      return { error: REFUSED };
    }
    if (request.cancelled === true) return {};
    const typed = request.submission?.[API_KEY_FIELD];
    const result = await identities.link(owner, typeof typed === 'string' ? typed : '');
    if (!result.ok) {
      const field = FIELD_ERRORS[result.reason];
      if (field !== undefined) return { errors: { [API_KEY_FIELD]: field } };
      return {
        error: 'Sekoia.io could not be reached to check the key; nothing was stored. Try again in a moment.',
      };
    }
    await confirm(
      request,
      state,
      `Linked to Sekoia.io as ${escapeInline(result.name)}: your card actions now run with your own key.`,
    );
    return {};
  };

  return { prompt, submit };
}

export type LinkDialog = ReturnType<typeof createLinkDialog>;
