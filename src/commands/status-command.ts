import { stormChannelKey } from '../delivery/storm-store.ts';
import { formatTime } from '../format-time.ts';
import type { ChannelRef } from '../rules/rule.ts';
import type { Command, StatusReport } from './command.ts';
import { heldForHoursLine, openWindowLine } from './describe-holds.ts';
import { readWords } from './read-words.ts';
import { info } from './reply-helpers.ts';

export const statusCommand: Command = {
  name: 'status',
  usage: 'status',
  summary:
    'Sekoia.io reachability, last WebHook, rules, pending deliveries, dead letters, storm mode, held alerts',
  examples: ['status'],
  async run(ctx, args, services) {
    readWords(args, { command: 'status', min: 0, max: 0, names: [] });
    const [report, here, total, hours, windows] = await Promise.all([
      services.status.read(),
      services.rules.listByChannel(ctx.channel),
      services.rules.count(),
      services.holds.hours(ctx.channel),
      services.holds.windows(ctx.channel),
    ]);
    const now = services.clock.now();
    const reachable =
      report.sekoiaReachable === null
        ? 'not checked yet'
        : report.sekoiaReachable
          ? 'reachable'
          : 'unreachable';
    const lines = [
      `Sekoia.io: ${reachable}`,
      `Last WebHook: ${report.lastWebhookAt === null ? 'none received yet' : formatTime(report.lastWebhookAt)}`,
      `Rules: ${here.length} in this channel, ${total} in all`,
      `Pending deliveries: ${report.pendingDeliveries ?? 'unknown'}`,
      ...(report.deadLetters === undefined ? [] : [`Dead letters: ${report.deadLetters ?? 'unknown'}`]),
      ...(report.jobs ?? []).map(
        (job) =>
          `Job ${job.name}: ${job.lastRunAt === null ? 'not run yet' : `${job.result} at ${formatTime(job.lastRunAt)}`}`,
      ),
      ...catchUpLines(report),
      ...stormLines(report, ctx.channel),
      ...optional(heldForHoursLine(hours)),
      ...windows.map(({ window, held }) => `Maintenance window ${openWindowLine(window, held, now)}`),
      ...(report.keptTypes ?? []).map(
        (kept) => `Kept without a card: ${kept.type} ×${kept.count} (last ${formatTime(kept.lastAt)})`,
      ),
    ];
    await ctx.reply(info('Status', { lines }));
  },
};

/** Channels in storm mode: this one by name, the others by platform and id (all a command knows of them). */
function stormLines(report: StatusReport, here: ChannelRef): string[] {
  const storms = report.storms;
  if (storms === undefined) return [];
  if (storms.length === 0) return ['Storm mode: no channel'];
  return storms.map((storm) => {
    const which =
      stormChannelKey(storm.channel) === stormChannelKey(here)
        ? 'this channel'
        : `${storm.channel.platform} channel ${storm.channel.channel}`;
    const { high, medium, low } = storm.byLevel;
    return `Storm mode: ${which}, ${storm.alerts} alerts in its roll-up since ${formatTime(storm.since)} (${high} high, ${medium} medium, ${low} low)`;
  });
}

/** `Last catch-up: 12:05 UTC, 40 alerts listed, 31 missed (30 new to the bot), 1 summary posted`. */
function catchUpLines(report: StatusReport): string[] {
  const run = report.catchUp;
  if (run === undefined) return [];
  if (run === null) return ['Last catch-up: not run yet'];
  const at = formatTime(run.at);
  if (run.first) return [`Last catch-up: ${at}, first run (alerts changed from then on are caught up)`];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [
    `${plural(run.listed, 'alert')} listed`,
    `${run.missed} missed (${run.newToBot} new to the bot)`,
    ...(run.summaries > 0
      ? [`${plural(run.summaries, 'summary')} posted`.replace('summarys', 'summaries')]
      : []),
    ...(run.more ? ['more to list at the next run'] : []),
  ];
  return [`Last catch-up: ${at}, ${parts.join(', ')}`];
}

const optional = (line: string | undefined): string[] => (line === undefined ? [] : [line]);
