import {
  ACCESS_LEVELS,
  type AccessLevel,
  type AccessSetting,
  groupNameSchema,
  MAX_ACCESS_GROUPS,
} from '../access/access-level.ts';
import { groupsSupported, mentionGroups } from '../access/group-directory.ts';
import { isBotError } from '../errors.ts';
import { formatTime } from '../format-time.ts';
import { quoted, usageError } from '../rules/usage-error.ts';
import type { Command } from './command.ts';
import type { CommandContext } from './command-context.ts';
import { readWords } from './read-words.ts';
import { info, success } from './reply-helpers.ts';

const USAGE = 'access [everyone | admins | groups @group[,@group…]]';

/** Who may act at a setting, in words. */
function meaning(setting: Pick<AccessSetting, 'level' | 'groups'>): string {
  switch (setting.level) {
    case 'everyone':
      return 'every member of the channel';
    case 'admins':
      return 'channel admins only (team and system admins too)';
    case 'groups':
      return `members of ${mentionGroups(setting.groups ?? [])} and channel admins (team and system admins too)`;
  }
}

/** The level named by the first argument; undefined when it names none (shown, or a usage error). */
function namedLevel(args: string): AccessLevel | undefined {
  const word = (args.trim().split(/\s+/)[0] ?? '').toLowerCase();
  return ACCESS_LEVELS.find((level) => level === word);
}

/** `@secops,@soc-leads` or `secops soc-leads` → `['secops', 'soc-leads']`, each checked, no repeats. */
function readGroupNames(words: readonly string[]): string[] {
  const names = words
    .flatMap((word) => word.split(','))
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0)
    throw usageError('access groups needs the names of one or more groups, like @secops,@soc-leads');
  const groups: string[] = [];
  for (const name of names) {
    const bare = name.replace(/^@/, '').toLowerCase();
    if (!groupNameSchema.safeParse(bare).success)
      throw usageError(`${quoted(name)} is not a group name (letters, digits, . - _)`, { token: name });
    if (!groups.includes(bare)) groups.push(bare);
  }
  if (groups.length > MAX_ACCESS_GROUPS)
    throw usageError(`access groups takes at most ${MAX_ACCESS_GROUPS} groups, not ${groups.length}`);
  return groups;
}

/** The groups named, checked with the platform; a usage error naming the unknown ones otherwise. */
async function checkedGroups(ctx: CommandContext, words: readonly string[]): Promise<string[]> {
  const { groups: platform } = ctx;
  if (!groupsSupported(platform)) throw usageError(platform.unsupported);
  const groups = readGroupNames(words);
  let missing: Awaited<ReturnType<typeof platform.findMissingGroups>>;
  try {
    missing = await platform.findMissingGroups(groups);
  } catch (error) {
    // The platform's own words: why it has no groups (not licensed, turned off).
    if (isBotError(error, 'groups_unavailable')) throw usageError(error.message);
    throw error;
  }
  const [first] = missing;
  if (first === undefined) return groups;
  const hint = first.suggestion === undefined ? '' : ` — did you mean @${first.suggestion}?`;
  const others = missing.length > 1 ? ` (nor ${mentionGroups(missing.slice(1).map((m) => m.name))})` : '';
  throw usageError(`no group @${first.name}${others} is known here${hint}`, { token: first.name });
}

/** `access` alone: the level, its groups, who set it and when. */
function show(ctx: CommandContext, setting: AccessSetting) {
  const since =
    setting.setBy === undefined
      ? 'not set here: the default'
      : `set by @${setting.setBy}${setting.setAt === undefined ? '' : ` on ${formatTime(setting.setAt)}`}`;
  const level = setting.level === 'groups' ? `groups ${mentionGroups(setting.groups ?? [])}` : setting.level;
  return ctx.reply(
    info(`Access in this channel: ${level} (${since})`, {
      lines: [
        `Alert buttons and rule changes: ${meaning(setting)}; guests never act`,
        'help, rules, status and showing settings: every member',
        'Changing access: channel admins',
      ],
    }),
  );
}

const sameGroups = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((group) => b.includes(group));

export const accessCommand: Command = {
  name: 'access',
  usage: USAGE,
  summary: 'who may use the alert buttons and change rules in this channel (admins set it)',
  examples: ['access', 'access admins', 'access groups @secops,@soc-leads', 'access everyone'],
  // Showing reads; setting takes an admin. Anything else is a usage error, which changes nothing:
  // so is `groups` where the platform has none (refused to anyone, with the platform's reason).
  needs(args, ctx) {
    const level = namedLevel(args);
    if (level === undefined || (level === 'groups' && !groupsSupported(ctx.groups))) return undefined;
    return 'govern';
  },
  async run(ctx, args, services) {
    const [word, ...rest] = readWords(args, {
      command: 'access',
      min: 0,
      max: 1 + MAX_ACCESS_GROUPS,
      names: [],
    });
    const current = await services.access.setting(ctx.channel);
    if (word === undefined) return show(ctx, current);
    const level = namedLevel(word);
    if (level === undefined)
      throw usageError(`access takes ${ACCESS_LEVELS.join(', ')}, not ${quoted(word)}`, { token: word });
    if (level !== 'groups' && rest[0] !== undefined)
      throw usageError(`access ${level} does not take ${quoted(rest[0])}`, { token: rest[0] });
    const groups = level === 'groups' ? await checkedGroups(ctx, rest) : undefined;
    if (level === current.level && sameGroups(groups, current.groups))
      return ctx.reply(info(`Access is already ${level} in this channel.`));
    const next = { level, ...(groups ? { groups } : {}) };
    await services.access.setLevel(ctx.channel, {
      ...next,
      setBy: ctx.user.name,
      setAt: services.clock.now(),
    });
    await ctx.reply(success(`Access set to ${level}: ${meaning(next)} may act on alerts and change rules.`));
    await ctx.announce(
      info(`@${ctx.user.name} set who may act in this channel to ${level}: ${meaning(next)}`),
    );
  },
};
