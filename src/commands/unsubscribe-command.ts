import { formatSubscription } from '../rules/format-subscription.ts';
import type { Command } from './command.ts';
import { findChannelRule } from './find-channel-rule.ts';
import { readWords } from './read-words.ts';
import { info, success } from './reply-helpers.ts';

export const unsubscribeCommand: Command = {
  name: 'unsubscribe',
  usage: 'unsubscribe <rule-id>',
  summary: 'deletes a rule of this channel',
  examples: ['unsubscribe r7k2'],
  needs: () => 'act',
  async run(ctx, args, services) {
    const [word = ''] = readWords(args, { command: 'unsubscribe', min: 1, max: 1, names: ['a rule id'] });
    const rule = await findChannelRule(ctx, word, services);
    await services.rules.delete(rule.id);
    await ctx.reply(success(`Rule ${rule.id} deleted.`));
    await ctx.announce(info(`@${ctx.user.name} deleted rule ${rule.id}: ${formatSubscription(rule)}`));
  },
};
