import { formatTime } from '../format-time.ts';
import type { Command } from './command.ts';
import { readWords } from './read-words.ts';
import { info } from './reply-helpers.ts';

export const statusCommand: Command = {
  name: 'status',
  usage: 'status',
  summary: 'Sekoia.io reachability, last WebHook, rules and pending deliveries',
  examples: ['status'],
  async run(ctx, args, services) {
    readWords(args, { command: 'status', min: 0, max: 0, names: [] });
    const [report, here, total] = await Promise.all([
      services.status.read(),
      services.rules.listByChannel(ctx.channel),
      services.rules.count(),
    ]);
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
      ...(report.jobs ?? []).map(
        (job) =>
          `Job ${job.name}: ${job.lastRunAt === null ? 'not run yet' : `${job.result} at ${formatTime(job.lastRunAt)}`}`,
      ),
      ...(report.keptTypes ?? []).map(
        (kept) => `Kept without a card: ${kept.type} ×${kept.count} (last ${formatTime(kept.lastAt)})`,
      ),
    ];
    await ctx.reply(info('Status', { lines }));
  },
};
