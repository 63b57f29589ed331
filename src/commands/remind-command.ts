import {
  checkRemindTrigger,
  describeRemindPlan,
  type RemindWords,
  readRemindPlan,
} from '../rules/read-remind-option.ts';
import { tokenizeArguments } from '../rules/tokenize-arguments.ts';
import { quoted, usageError } from '../rules/usage-error.ts';
import { checkMentionsAllowed } from './check-mentions-allowed.ts';
import type { Command } from './command.ts';
import { findChannelRule } from './find-channel-rule.ts';
import { info, success } from './reply-helpers.ts';

const USAGE = 'remind <rule-id> <delay> [--escalate @name,… <delay>] | remind <rule-id> off';

export const remindCommand: Command = {
  name: 'remind',
  usage: USAGE,
  summary: "reminds in an unacknowledged card's thread, then escalates (or off)",
  examples: ['remind r7k2 15m', 'remind r7k2 15m --escalate @secops-leads 30m', 'remind r7k2 off'],
  needs: () => 'act',
  async run(ctx, args, services) {
    const [word = '', ...rest] = tokenizeArguments(args).map((token) =>
      token.segments.map((segment) => segment.text).join(''),
    );
    if (word === '' || rest.length === 0) throw usageError(`remind needs a rule id and a delay: ${USAGE}`);
    const off = rest.length === 1 && rest[0]?.toLowerCase() === 'off';
    const plan = off ? null : readRemindPlan(readRemindWords(rest), ctx.resolveMention);
    const rule = await findChannelRule(ctx, word, services);
    if (plan !== null) {
      checkRemindTrigger(rule.trigger);
      checkMentionsAllowed(ctx, { remind: plan });
    }
    await services.rules.setRemind(rule.id, plan);
    const what = plan === null ? 'no longer reminds' : describeRemindPlan(plan);
    await ctx.reply(success(`Rule ${rule.id} ${what}.`, off ? {} : { code: [`remind ${rule.id} off`] }));
    await ctx.announce(info(`@${ctx.user.name} changed rule ${rule.id}: it ${what}`));
  },
};

/** `15m`, `15m --escalate @a,@b 30m`, `15m --escalate @a @b 30m` or `15m --escalate=@a 30m`. */
function readRemindWords(words: readonly string[]): RemindWords {
  const [remind = '', option, ...more] = words;
  if (option === undefined) return { remind };
  const inline = /^--escalate=(.*)$/i.exec(option);
  if (!inline && option.toLowerCase() !== '--escalate') {
    throw usageError(`remind does not take ${quoted(option)} — ${USAGE}`, { token: option });
  }
  const listed = inline ? [inline[1] ?? '', ...more] : more;
  // The names go on while the next word is a mention (`@a @b`), then comes the delay.
  let count = listed.length === 0 ? 0 : 1;
  while (listed[count]?.startsWith('@')) count += 1;
  const names = listed.slice(0, count).join(',');
  const [after = '', extra] = listed.slice(count);
  if (extra !== undefined) throw usageError(`remind does not take ${quoted(extra)}`, { token: extra });
  if (names === '' || after === '') {
    throw usageError('--escalate needs names then a delay, e.g. --escalate @secops-leads 30m');
  }
  return { remind, escalate: { names, after } };
}
