import { formatTime } from '../format-time.ts';
import { formatDuration, parseDuration } from '../rules/parse-duration.ts';
import type { Mute } from '../rules/rule.ts';
import { usageError } from '../rules/usage-error.ts';
import type { Command } from './command.ts';
import { findChannelRule } from './find-channel-rule.ts';
import { readWords } from './read-words.ts';
import { info, success } from './reply-helpers.ts';

const MAX_REASON_LENGTH = 200;

export const muteCommand: Command = {
  name: 'mute',
  usage: 'mute <rule-id> <duration> [reason]',
  summary: 'pauses a rule for up to 7 days (30m, 2h, 1d)',
  examples: ['mute r7k2 2h maintenance window', 'mute r7k2 1d'],
  needs: () => 'act',
  async run(ctx, args, services) {
    const [, head = '', reasonText = ''] = /^(\S*\s*\S*)\s*([\s\S]*)$/.exec(args) ?? [];
    const names = ['a rule id', 'a duration like 2h'];
    const [word = '', durationText = ''] = readWords(head, { command: 'mute', min: 2, max: 2, names });
    const reason = readReason(reasonText);
    const rule = await findChannelRule(ctx, word, services);
    const ms = parseDuration(durationText);
    const mute: Mute = { until: services.clock.now() + ms, by: ctx.user, ...(reason ? { reason } : {}) };
    await services.rules.setMute(rule.id, mute);
    const until = formatTime(mute.until);
    await ctx.reply(success(`Rule ${rule.id} muted for ${formatDuration(ms)}, until ${until}.`));
    const why = reason ? ` (${reason})` : '';
    await ctx.announce(info(`@${ctx.user.name} muted rule ${rule.id} until ${until}${why}`));
  },
};

function readReason(text: string): string | undefined {
  const reason = text.trim();
  if (reason.length > MAX_REASON_LENGTH || /\p{Cc}/u.test(reason)) {
    throw usageError(`the reason takes one line of at most ${MAX_REASON_LENGTH} characters`);
  }
  return reason === '' ? undefined : reason;
}
