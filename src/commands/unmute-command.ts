import type { Command } from './command.ts';
import { findChannelRule } from './find-channel-rule.ts';
import { readWords } from './read-words.ts';
import { info, success } from './reply-helpers.ts';

export const unmuteCommand: Command = {
  name: 'unmute',
  usage: 'unmute <rule-id>',
  summary: 'ends the pause of a rule',
  examples: ['unmute r7k2'],
  needs: () => 'act',
  async run(ctx, args, services) {
    const [word = ''] = readWords(args, { command: 'unmute', min: 1, max: 1, names: ['a rule id'] });
    const rule = await findChannelRule(ctx, word, services);
    if (rule.mute === null || rule.mute.until <= services.clock.now()) {
      await ctx.reply(info(`Rule ${rule.id} is not muted.`));
      return;
    }
    await services.rules.clearMute(rule.id);
    await ctx.reply(success(`Rule ${rule.id} is active again.`));
    await ctx.announce(info(`@${ctx.user.name} unmuted rule ${rule.id}`));
  },
};
