import { DISABLED_IDENTITY_LINKS } from '../identity/create-identity-links.ts';
import type { Command } from './command.ts';
import { LINKING_OFF } from './link-command.ts';
import { info } from './reply-helpers.ts';

/** `unlink`: forgets the user's key; their actions use the bot's key again. */
export const unlinkCommand: Command = {
  name: 'unlink',
  usage: 'unlink',
  summary: 'forgets your Sekoia.io API key: your actions use the bot’s key again',
  examples: ['unlink'],
  async run(ctx, args, services) {
    // Not quoted back: what follows may be a key pasted by mistake.
    if (args.trim() !== '')
      return ctx.reply({ kind: 'error', text: 'unlink takes nothing after it.', code: ['unlink'] });
    const links = services.identities ?? DISABLED_IDENTITY_LINKS;
    if (!links.enabled) return ctx.reply(info(LINKING_OFF));
    const removed = await links.unlink({ platform: ctx.platform, id: ctx.user.id });
    await ctx.reply(
      info(
        removed
          ? 'Unlinked: your key is forgotten, and your card actions use the bot’s Sekoia.io key again.'
          : 'You were not linked: your card actions already use the bot’s Sekoia.io key.',
      ),
    );
  },
};
