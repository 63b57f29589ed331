import type { MaintenanceWindow } from '../delivery/maintenance-window.ts';
import { formatTime } from '../format-time.ts';
import { checkCondition } from '../rules/check-condition.ts';
import { MUTE_DURATION_LIMITS, parseDuration } from '../rules/parse-duration.ts';
import { splitCondition } from '../rules/split-condition.ts';
import { type ArgumentToken, tokenizeArguments } from '../rules/tokenize-arguments.ts';
import { quoted, usageError } from '../rules/usage-error.ts';
import type { Command } from './command.ts';
import { describeWindow, openWindowLine } from './describe-holds.ts';
import { info, success } from './reply-helpers.ts';

const MAX_REASON_LENGTH = 200;
const WINDOW_KEYS = ['entity', 'asset'] as const;

export const maintenanceCommand: Command = {
  name: 'maintenance',
  usage: 'maintenance [entity=<name> | asset=<name or uuid>] <duration> [reason] | maintenance end <id>',
  summary: 'holds the alerts of an entity or asset for up to 7 days, then lists them in one summary',
  examples: [
    'maintenance entity="Lyon HQ" 2h switch upgrade',
    'maintenance asset=srv-db-01 90m',
    'maintenance',
    'maintenance end k3m9',
  ],
  needs: (args) => (args.trim() === '' ? undefined : 'act'),
  async run(ctx, args, services) {
    const tokens = tokenizeArguments(args);
    const [first, second] = tokens;
    const now = services.clock.now();
    if (first === undefined) {
      const open = await services.holds.windows(ctx.channel);
      const lines = open.map(({ window, held }) => openWindowLine(window, held, now));
      return ctx.reply(
        info('Maintenance windows', { lines: lines.length > 0 ? lines : ['none open in this channel'] }),
      );
    }
    if (first.raw.toLowerCase() === 'end') {
      const extra = tokens[2];
      if (second === undefined)
        throw usageError('maintenance end needs the id of a window (see: maintenance)');
      if (extra !== undefined)
        throw usageError(`maintenance end does not take ${quoted(extra.raw)}`, { token: extra.raw });
      const ended = await services.holds.endWindow(ctx.channel, second.raw);
      if (ended === undefined)
        throw usageError(
          `no open maintenance window ${quoted(second.raw)} in this channel (see: maintenance)`,
          { token: second.raw },
        );
      await ctx.reply(
        success(`Maintenance window ${ended.id} ended; the alerts it held are summarized now.`),
      );
      return ctx.announce(info(`@${ctx.user.name} ended the maintenance window on ${describeWindow(ended)}`));
    }
    const condition = readTarget(first);
    if (second === undefined)
      throw usageError('maintenance needs a duration like 2h after the entity or asset');
    const durationMs = parseDuration(second.raw, MUTE_DURATION_LIMITS);
    const reason = readReason(tokens.slice(2));
    const window = await services.holds.openWindow(
      {
        channel: ctx.channel,
        condition,
        label: first.raw.slice(0, 300),
        reason,
        by: ctx.user.name.slice(0, 100),
      },
      durationMs,
      services.random,
    );
    const until = formatTime(window.endsAt);
    await ctx.reply(
      success(
        `Maintenance window ${window.id} open until ${until}: new alerts on ${window.label} are held, then listed in one summary.`,
      ),
    );
    await ctx.announce(
      info(`@${ctx.user.name} opened a maintenance window on ${describeWindow(window)} until ${until}`, {
        code: [`maintenance end ${window.id}`],
      }),
    );
  },
};

/** `entity="Lyon HQ"` → the condition, checked as a rule's would be (names or UUIDs, quotes, lists). */
function readTarget(token: ArgumentToken): MaintenanceWindow['condition'] {
  const raw = splitCondition(token);
  const key = WINDOW_KEYS.find((candidate) => candidate === raw.key);
  if (key === undefined || raw.op !== '=')
    throw usageError(`maintenance takes entity=<name> or asset=<name or uuid>, got ${quoted(token.raw)}`, {
      token: token.raw,
    });
  const condition = checkCondition('alert-raised', raw);
  return { key, op: '=', values: condition.values.map((value) => value.slice(0, 200)).slice(0, 20) };
}

function readReason(tokens: readonly ArgumentToken[]): string {
  const reason = tokens.map((token) => token.raw).join(' ');
  if (reason.length > MAX_REASON_LENGTH || /\p{Cc}/u.test(reason))
    throw usageError(`the reason takes one line of at most ${MAX_REASON_LENGTH} characters`);
  return reason;
}
