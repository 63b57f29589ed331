import { ACCESS_LEVELS, type AccessLevel } from '../access/access-level.ts';
import { formatTime } from '../format-time.ts';
import { quoted, usageError } from '../rules/usage-error.ts';
import type { Command } from './command.ts';
import { readWords } from './read-words.ts';
import { info, success } from './reply-helpers.ts';

const MEANING: Readonly<Record<AccessLevel, string>> = {
  everyone: 'every member of the channel',
  admins: 'channel admins only (team and system admins too)',
};

/** The level named by the arguments; undefined when they name none (shown, or a usage error). */
function namedLevel(args: string): AccessLevel | undefined {
  const word = args.trim().toLowerCase();
  return ACCESS_LEVELS.find((level) => level === word);
}

export const accessCommand: Command = {
  name: 'access',
  usage: `access [${ACCESS_LEVELS.join(' | ')}]`,
  summary: 'who may use the alert buttons and change rules in this channel (admins set it)',
  examples: ['access', 'access admins', 'access everyone'],
  // Showing reads; setting takes an admin. Anything else is a usage error, which changes nothing.
  needs: (args) => (namedLevel(args) === undefined ? undefined : 'govern'),
  async run(ctx, args, services) {
    const [word] = readWords(args, { command: 'access', min: 0, max: 1, names: [] });
    const setting = await services.access.setting(ctx.channel);
    const current = setting.level;
    if (word === undefined) {
      const since =
        setting.setBy === undefined
          ? 'not set here: the default'
          : `set by @${setting.setBy}${setting.setAt === undefined ? '' : ` on ${formatTime(setting.setAt)}`}`;
      return ctx.reply(
        info(`Access in this channel: ${current} (${since})`, {
          lines: [
            `Alert buttons and rule changes: ${MEANING[current]}; guests never act`,
            'help, rules, status and showing settings: every member',
            'Changing access: channel admins',
          ],
        }),
      );
    }
    const level = namedLevel(word);
    if (level === undefined)
      throw usageError(`access takes ${ACCESS_LEVELS.join(' or ')}, not ${quoted(word)}`, { token: word });
    if (level === current) return ctx.reply(info(`Access is already ${level} in this channel.`));
    await services.access.setLevel(ctx.channel, {
      level,
      setBy: ctx.user.name,
      setAt: services.clock.now(),
    });
    await ctx.reply(success(`Access set to ${level}: ${MEANING[level]} may act on alerts and change rules.`));
    await ctx.announce(
      info(`@${ctx.user.name} set who may act in this channel to ${level}: ${MEANING[level]}`),
    );
  },
};
