/**
 * Quick measure of the platform gate: N cards over M channels against the fake Mattermost's limiter
 * (GCRA, Mattermost's defaults PerSec 10, MaxBurst 100 unless told), with the bot keeping to the same
 * limit. Prints achieved cards/s and requests/s, 429s, and the first card of a quiet channel sent
 * during the storm. Usage: node bench/measure-fair-delivery.ts [alerts=20] [channels=10] [botRate=10]
 * (botRate 0: the bot does not pace, only honours 429s — what it did before the gate).
 */
import { buildAlert } from '../test/fakes/fake-sekoia/index.ts';
import { startMattermostWorld } from '../test/integration/start-mattermost-world.ts';

const alerts = Number(process.argv[2] ?? 20);
const channels = Number(process.argv[3] ?? 10);
const botRate = process.argv[4] ?? '10';

const world = await startMattermostWorld({
  ...(process.env.BENCH_LOG ? { log: (await import('../src/log.ts')).createLogger({ level: 'info' }) } : {}),
  env: { MATTERMOST_RATE_LIMIT: botRate, MATTERMOST_RATE_BURST: '100' },
});
try {
  const stormChannels = [world.channelId];
  for (let n = 1; n < channels; n += 1) {
    const channel = world.mattermost.addChannel({
      name: `storm-${n}`,
      teamId: 'team1',
      members: [world.alice.id],
    });
    stormChannels.push(channel.id);
  }
  // The test bot draws rule ids with random() = 0: a few channels only (each subscribe must succeed).
  const subscribe = async (text: string, channelId: string) => {
    const answer = await world.command(text, channelId);
    if (!answer.includes('created')) throw new Error(`subscribe failed: ${answer}`);
  };
  await subscribe('subscribe alert-raised urgency<40', world.otherChannelId);
  for (const channelId of stormChannels) await subscribe('subscribe alert-raised urgency>=high', channelId);
  world.mattermost.enableRateLimit({ perSec: 10, maxBurst: 100 });
  world.mattermost.resetRequestStats();

  const total = alerts * channels;
  const urgency = { ...buildAlert().urgency, current_value: 90 };
  const start = performance.now();
  for (let n = 0; n < alerts; n += 1) world.sekoia.addAlert({ urgency });
  // A quiet channel's first card, once the storm is queued.
  await world.sekoia.settleWebhooks();
  const quietAt = performance.now();
  const quiet = world.sekoia.addAlert({ urgency: { ...urgency, current_value: 10 } });
  let quietMs: number | undefined;
  const withButtons = (channelId: string) =>
    world.cards(channelId).filter((post) => {
      const attachments = post.props.attachments as { actions?: unknown[] }[] | undefined;
      return (attachments?.[0]?.actions?.length ?? 0) > 0;
    });
  let lastReport = start;
  for (;;) {
    if (quietMs === undefined && world.cardOf(quiet.uuid, world.otherChannelId))
      quietMs = performance.now() - quietAt;
    const done = stormChannels.reduce((sum, channelId) => sum + withButtons(channelId).length, 0);
    if (done >= total && quietMs !== undefined) break;
    if (performance.now() - lastReport > 5_000) {
      lastReport = performance.now();
      console.error(
        JSON.stringify({
          done,
          total,
          quietMs,
          stats: world.mattermost.requestStats(),
          queue: await world.bot.app.queue.stats(),
          dead: await world.bot.app.queue.deadLetters(3),
          sekoia: world.sekoia.requests.length,
        }),
      );
    }
    if (performance.now() - start > 600_000) throw new Error(`timed out with ${done}/${total} cards`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - start) / 1_000;
  const stats = world.mattermost.requestStats();
  const posted = stormChannels.reduce((sum, channelId) => sum + world.cards(channelId).length, 0);
  console.log(
    JSON.stringify({
      cards: total,
      posted,
      channels,
      botRate,
      seconds: Number(seconds.toFixed(1)),
      cardsPerSecond: Number((total / seconds).toFixed(2)),
      requestsPerSecond: Number((stats.served / seconds).toFixed(2)),
      // Past the first 100 (the limiter's burst), against its 10/s.
      steadyRequestsPerSecond: Number(((stats.served - 101) / seconds).toFixed(2)),
      requests: stats.requests,
      served: stats.served,
      rateLimited: stats.rateLimited,
      rateLimitedShare: Number((stats.rateLimited / stats.requests).toFixed(4)),
      quietFirstCardMs: Math.round(quietMs ?? -1),
    }),
  );
} finally {
  await world.close();
}
