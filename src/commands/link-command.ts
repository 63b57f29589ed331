import { formatTime } from '../format-time.ts';
import { DISABLED_IDENTITY_LINKS, type LinkState } from '../identity/create-identity-links.ts';
import type { Command } from './command.ts';
import type { Reply } from './command-context.ts';
import { info } from './reply-helpers.ts';

export const LINKING_OFF =
  'Linking is off: every action uses the bot’s Sekoia.io key. The administrator turns it on by setting IDENTITY_ENCRYPTION_KEY (32 random bytes, e.g. openssl rand -base64 32) and restarting the bot.';

export const KEY_NOT_HERE =
  'link takes no key: type link alone and paste your key in the private form it opens. If you just typed a key here, revoke it in Sekoia.io.';

/** Where the user stands, in one line (never the key). */
export function describeLink(state: LinkState): string {
  if (state.kind === 'linked')
    return `You are linked to Sekoia.io as ${state.name} since ${formatTime(state.linkedAt)}: your card actions use your own key.`;
  if (state.kind === 'unreadable')
    return 'Your linked identity can no longer be read (the bot’s encryption key changed): link again, or unlink.';
  return 'You are not linked: your card actions use the bot’s Sekoia.io key and name you in the comment.';
}

/**
 * `link`: the user's own Sekoia.io API key, asked for privately by the platform (never typed in the
 * channel), checked and stored sealed; `link status` only says where they stand.
 */
export const linkCommand: Command = {
  name: 'link',
  usage: 'link [status]',
  summary: 'acts in Sekoia.io with your own API key (asked for privately); unlink to stop',
  examples: ['link', 'link status'],
  async run(ctx, args, services) {
    // Never quoted back: a user may have typed their key after `link`, in the channel.
    const word = args.trim().toLowerCase();
    if (word !== '' && word !== 'status')
      return ctx.reply({ kind: 'error', text: KEY_NOT_HERE, code: ['link'] });
    const links = services.identities ?? DISABLED_IDENTITY_LINKS;
    if (!links.enabled) return ctx.reply(info(LINKING_OFF));
    const now = describeLink(await links.find({ platform: ctx.platform, id: ctx.user.id }));
    if (word === 'status') return ctx.reply(info(now));
    const prompt = await ctx.promptForApiKey?.();
    const reply: Reply =
      prompt === undefined
        ? {
            kind: 'error',
            text: 'This platform cannot ask for a key privately; linking is not offered here.',
          }
        : prompt.ok
          ? info(prompt.where, { lines: [now] })
          : { kind: 'error', text: prompt.why };
    await ctx.reply(reply);
  },
};
