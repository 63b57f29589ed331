/**
 * `npm run bench:storm`: alert storms against the bot as its own process, with the fake Sekoia.io
 * and the fake Mattermost on loopback, Mattermost's default rate limiter (10 req/s, burst 100)
 * switched on in the fake except where a scenario says otherwise. Each scenario starts a fresh bot on
 * an empty store. Writes the `storm` section of BENCHMARKS.md.
 */
import { join } from 'node:path';
import { buildAlertWebhook } from '../test/fakes/fake-sekoia/build-alert-webhook.ts';
import type { FakeAlert } from '../test/fakes/fake-sekoia/fake-alert.ts';
import { type StormWorld, startStormWorld } from './storm-world.ts';
import { writeBenchmarkSection } from './write-benchmark-section.ts';

const STORM_CHANNELS = 20;
const STORM_ALERTS = Number(process.env.BENCH_STORM_ALERTS ?? 2_000);
/** Channels outside the storm, each getting one alert (its first card) while the storm drains. */
const QUIET_CHANNELS = 15;
const DRAIN_ALERTS = Number(process.env.BENCH_DRAIN_ALERTS ?? 600);
const quietNames = Array.from({ length: QUIET_CHANNELS }, (_, i) => `quiet-${i}`);
const LIMIT = { perSec: 10, maxBurst: 100 };
/** The fake Sekoia.io has no rate limit; the bot's own pacer is set to its highest allowed rate. */
const SEKOIA_RATE = '100';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stormNames = Array.from({ length: STORM_CHANNELS }, (_, i) => `storm-${i}`);

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');
const s = (value: number) => (Number.isFinite(value) ? `${(value / 1_000).toFixed(1)} s` : 'n/a');

function addAlert(world: StormWorld, entity: string, urgency: number): FakeAlert {
  return world.sekoia.addAlert(
    {
      entity: { uuid: crypto.randomUUID(), name: entity },
      urgency: { current_value: urgency, value: urgency, severity: urgency, criticity: 50, display: 'x' },
    },
    { notify: false },
  );
}

/** Sends the WebHook as Sekoia.io would and returns when it was sent (the latency's start). */
async function notify(
  world: StormWorld,
  alert: FakeAlert,
  action: 'created' | 'updated',
  updated?: Record<string, unknown>,
): Promise<number> {
  const sentAt = Date.now();
  const body = JSON.stringify(buildAlertWebhook({ alert, action, ...(updated ? { updated } : {}) }));
  const response = await fetch(world.webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  await response.arrayBuffer();
  if (response.status !== 202) throw new Error(`WebHook answered ${response.status}`);
  return sentAt;
}

/** Runs `task` over `items` with at most `width` at once. */
async function pool<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await task(item);
      }
    }),
  );
}

/** Cards (root posts carrying an alert) by alert uuid, every channel. */
function cardsByAlert(world: StormWorld) {
  const cards = new Map<string, { channel: string; createAt: number; updateAt: number; id: string }[]>();
  for (const post of world.rootPosts()) {
    const uuid = post.props.sekoia_alert_uuid;
    if (typeof uuid !== 'string') continue;
    const list = cards.get(uuid) ?? [];
    list.push({ channel: post.channel_id, createAt: post.create_at, updateAt: post.update_at, id: post.id });
    cards.set(uuid, list);
  }
  return cards;
}

/** Roll-up cards and how many alerts each stands for (from its title: "Alert storm: 412 alerts since…"). */
function rollups(world: StormWorld): { id: string; count: number; updateAt: number }[] {
  return world
    .rootPosts()
    .filter((post) => typeof post.props.sekoia_rollup === 'string')
    .map((post) => {
      const count = /(\d+) alerts? (?:since|from)/.exec(JSON.stringify(post.props))?.[1];
      return { id: post.id, count: Number(count ?? 0), updateAt: post.update_at };
    });
}

/** Root posts the bot sent (cards and roll-ups), from the fake's request log: listing its posts would copy every one. */
function rootPostRequests(world: StormWorld): number {
  return world.mattermost.requests.filter(
    (request) =>
      request.method === 'POST' &&
      request.path === '/api/v4/posts' &&
      !(request.body as { root_id?: string } | undefined)?.root_id,
  ).length;
}

/** A fresh bot and fakes for one scenario; the bot's peak RSS is noted, everything closed after. */
async function inWorld(
  channelNames: readonly string[],
  peaks: number[],
  scenario: (world: StormWorld) => Promise<void>,
): Promise<void> {
  const world = await startStormWorld({ channelNames, env: { SEKOIA_API_RATE: SEKOIA_RATE } });
  try {
    await scenario(world);
    peaks.push(world.peakRssMb());
  } finally {
    await world.close();
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await sleep(1_000);
  }
  return check();
}

/** Waits until the fake Mattermost has seen no request for `quietMs`. */
async function waitQuiet(world: StormWorld, quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const last = world.mattermost.requests.at(-1)?.at ?? 0;
    if (Date.now() - last >= quietMs) return;
    await sleep(200);
  }
}

async function subscribe(world: StormWorld, names: readonly string[], line: (name: string) => string) {
  for (const name of names) {
    const answer = await world.command(world.channels.get(name) ?? '', `subscribe ${line(name)}`);
    if (!/r[0-9a-z]{3}/i.test(answer)) throw new Error(`subscribe failed in ${name}: ${answer}`);
  }
}

interface Row {
  measure: string;
  value: string;
  target: string;
}

/** WebHook → card with no storm: a few alerts, one at a time. */
async function noStormLatency(rows: Row[], peaks: number[]) {
  await inWorld(stormNames, peaks, async (world) => {
    world.mattermost.enableRateLimit(LIMIT);
    await subscribe(world, stormNames, (name) => `alert-raised entity="${name}"`);
    const sent = new Map<string, number>();
    for (let i = 0; i < 40; i += 1) {
      const alert = addAlert(world, stormNames[i % STORM_CHANNELS] ?? '', 40);
      sent.set(alert.uuid, await notify(world, alert, 'created'));
      await sleep(250);
    }
    await waitUntil(() => cardsByAlert(world).size >= sent.size, 30_000);
    const latencies = [...cardsByAlert(world)].map(
      ([uuid, cards]) => (cards[0]?.createAt ?? 0) - (sent.get(uuid) ?? 0),
    );
    rows.push({
      measure: 'no storm: WebHook → card p50 / p95 (40 alerts, 4/s)',
      value: `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))}`,
      target: '—',
    });
  });
}

/** 2,000 alerts over 20 channels as fast as the WebHook takes them, plus a quiet channel. */
async function stormDrain(rows: Row[], peaks: number[]) {
  await inWorld([...stormNames, ...quietNames], peaks, async (world) => {
    world.mattermost.enableRateLimit(LIMIT);
    await subscribe(world, [...stormNames, ...quietNames], (name) => `alert-raised entity="${name}"`);
    world.mattermost.clearRequests();
    const statsBefore = world.mattermost.requestStats();
    const storm = Array.from({ length: STORM_ALERTS }, (_, i) =>
      // About 3 % high urgency: those still get their own card over the budget.
      addAlert(world, stormNames[i % STORM_CHANNELS] ?? '', i % 33 === 0 ? 90 : 20 + (i % 50)),
    );
    const quietSent = new Map<string, number>();
    const started = Date.now();
    const quiet = (async () => {
      await sleep(2_000);
      for (const name of quietNames) {
        const alert = addAlert(world, name, 40);
        quietSent.set(alert.uuid, await notify(world, alert, 'created'));
        await sleep(1_000);
      }
    })();
    await pool(storm, 20, async (alert) => {
      await notify(world, alert, 'created');
    });
    const sentMs = Date.now() - started;
    await quiet;
    const stormUuids = new Set(storm.map((alert) => alert.uuid));
    const accounted = () => {
      const cards = cardsByAlert(world);
      let carded = 0;
      for (const uuid of stormUuids) if (cards.has(uuid)) carded += 1;
      const rolled = rollups(world).reduce((sum, rollup) => sum + rollup.count, 0);
      return { carded, rolled, quiet: [...quietSent.keys()].filter((uuid) => cards.has(uuid)).length };
    };
    const drained = await waitUntil(() => {
      const now = accounted();
      return now.carded + now.rolled >= STORM_ALERTS && now.quiet >= QUIET_CHANNELS;
    }, 600_000);
    await waitQuiet(world, 3_000, 120_000);
    const final = accounted();
    const cards = cardsByAlert(world);
    const duplicates = [...cards.values()].reduce((sum, list) => {
      const perChannel = new Set(list.map((card) => card.channel));
      return sum + list.length - perChannel.size;
    }, 0);
    const quietLatencies = [...quietSent].map(
      ([uuid, at]) => (cards.get(uuid)?.[0]?.createAt ?? Number.NaN) - at,
    );
    const requests = world.mattermost.requests.filter((request) => request.path.startsWith('/api/v4/'));
    const first = requests[0]?.at ?? started;
    const last = requests.at(-1)?.at ?? first;
    const windowS = Math.max(0.001, (last - first) / 1_000);
    const stats = world.mattermost.requestStats();
    const refused = stats.rateLimited - statsBefore.rateLimited;
    const served = requests.length - refused;
    const posts = requests.filter((request) => request.method === 'POST' && request.path === '/api/v4/posts');
    const edits = requests.filter((request) => request.method === 'PUT');
    const rollupCards = rollups(world);
    const cardPosts = posts.filter(
      (request) =>
        typeof (request.body as { props?: { sekoia_alert_uuid?: unknown } })?.props?.sekoia_alert_uuid ===
        'string',
    );
    const lastCardAt = cardPosts.at(-1)?.at ?? last;
    const backlogS = Math.max(0.001, (lastCardAt - first) / 1_000);
    // Refused requests are recorded too; those of the backlog window are counted out by share.
    const backlogRequests = requests.filter((request) => request.at <= lastCardAt).length;
    const backlogServed = Math.round(backlogRequests * (served / Math.max(1, requests.length)));
    rows.push(
      {
        measure: `storm: ${STORM_ALERTS} alerts over ${STORM_CHANNELS} channels (about 3 % high urgency), WebHooks sent in`,
        value: s(sentMs),
        target: '—',
      },
      {
        measure: 'storm: all alerts shown (cards + roll-up counts), from the first WebHook',
        value: drained
          ? s(Math.max(last, ...rollupCards.map((rollup) => rollup.updateAt)) - started)
          : 'not drained',
        target: '—',
      },
      {
        measure: 'storm: cards / alerts in roll-ups / roll-up cards',
        value: `${final.carded} / ${final.rolled} / ${rollupCards.length}`,
        target: `sum = ${STORM_ALERTS}`,
      },
      {
        measure: 'storm: lost / duplicate cards',
        value: `${STORM_ALERTS - final.carded - final.rolled} / ${duplicates}`,
        target: '0 / 0',
      },
      {
        measure: `storm: Mattermost requests while cards waited (first request → last card posted) vs what the limiter allows then (burst ${LIMIT.maxBurst + 1} + ${LIMIT.perSec}/s)`,
        value: `${backlogServed} in ${backlogS.toFixed(1)} s = ${Math.round((backlogServed / (LIMIT.maxBurst + 1 + LIMIT.perSec * backlogS)) * 100)} %`,
        // Reading 2,000 alerts from Sekoia.io (two requests each at 100/s) takes longer than posting
        // what the budgets let through: the drain at the limit is measured by drainAtLimit.
        target: '— (Sekoia.io reads are the bound here)',
      },
      {
        measure:
          'storm: Mattermost requests, whole drain (roll-up edits at most one per channel per 5 s at the end)',
        value: `${(served / windowS).toFixed(1)}/s over ${windowS.toFixed(0)} s (${posts.length} posts, ${edits.length} edits)`,
        target: '—',
      },
      {
        measure: 'storm: requests answered 429',
        value: `${refused} of ${requests.length} (${((refused / Math.max(1, requests.length)) * 100).toFixed(2)} %)`,
        target: '< 1 %',
      },
      {
        measure: `storm: first card of a quiet channel, WebHook → card p50 / p95 (${QUIET_CHANNELS} channels, one alert each, 1/s from 2 s into the storm)`,
        value: `${ms(percentile(quietLatencies, 50))} / ${ms(percentile(quietLatencies, 95))}`,
        target: 'p95 < 2 s',
      },
    );
  });
}

/** Budgets off, so that every alert is a card: the platform's limit is what holds the work back. */
async function drainAtLimit(rows: Row[], peaks: number[]) {
  await inWorld(stormNames, peaks, async (world) => {
    world.mattermost.enableRateLimit(LIMIT);
    await subscribe(world, stormNames, (name) => `alert-raised entity="${name}"`);
    for (const name of stormNames) await world.command(world.channels.get(name) ?? '', 'storm off');
    world.mattermost.clearRequests();
    const statsBefore = world.mattermost.requestStats();
    const alerts = Array.from({ length: DRAIN_ALERTS }, (_, i) =>
      addAlert(world, stormNames[i % STORM_CHANNELS] ?? '', 40),
    );
    await pool(alerts, 20, async (alert) => {
      await notify(world, alert, 'created');
    });
    await waitUntil(() => rootPostRequests(world) >= DRAIN_ALERTS, 300_000);
    const requests = world.mattermost.requests.filter((request) => request.path.startsWith('/api/v4/'));
    const refused = world.mattermost.requestStats().rateLimited - statsBefore.rateLimited;
    const served = requests.length - refused;
    const windowS = Math.max(0.001, ((requests.at(-1)?.at ?? 0) - (requests[0]?.at ?? 0)) / 1_000);
    const allowed = LIMIT.maxBurst + 1 + LIMIT.perSec * windowS;
    const duplicates = [...cardsByAlert(world).values()].filter((list) => list.length > 1).length;
    rows.push({
      measure: `drain at the limit: ${DRAIN_ALERTS} alerts over ${STORM_CHANNELS} channels, budgets off (every alert a card): requests served vs what the limiter allows (burst ${LIMIT.maxBurst + 1} + ${LIMIT.perSec}/s); 429s; duplicates`,
      value: `${served} in ${windowS.toFixed(1)} s = ${Math.round((served / allowed) * 100)} %; ${refused} (${((refused / Math.max(1, requests.length)) * 100).toFixed(2)} %); ${duplicates}`,
      target: '≥ 90 %; < 1 %; 0',
    });
  });
}

/** Alerts arriving while Sekoia.io is down for 20 s: time from its return to the last card. */
async function sekoiaOutage(rows: Row[], peaks: number[]) {
  await inWorld(stormNames, peaks, async (world) => {
    world.mattermost.enableRateLimit(LIMIT);
    await subscribe(world, stormNames, (name) => `alert-raised entity="${name}"`);
    world.sekoia.setDown(true);
    const alerts: FakeAlert[] = [];
    for (let i = 0; i < 40; i += 1) {
      const alert = addAlert(world, stormNames[i % STORM_CHANNELS] ?? '', 40);
      alerts.push(alert);
      await notify(world, alert, 'created');
      await sleep(500);
    }
    world.sekoia.setDown(false);
    const back = Date.now();
    world.mattermost.clearRequests();
    const uuids = new Set(alerts.map((alert) => alert.uuid));
    const enrichedCards = () =>
      world.rootPosts().filter(
        (post) =>
          uuids.has(String(post.props.sekoia_alert_uuid)) &&
          // A card from the API names the alert's rule; one from the WebHook alone cannot.
          JSON.stringify(post.props).includes(alerts[0]?.rule?.name ?? '\u0000'),
      );
    await waitUntil(() => enrichedCards().length >= alerts.length, 120_000);
    await waitQuiet(world, 3_000, 60_000);
    const lastChange = Math.max(...enrichedCards().map((post) => Math.max(post.create_at, post.update_at)));
    rows.push({
      measure: 'Sekoia.io outage of 20 s (40 alerts during it): its end → last card complete',
      value: s(lastChange - back),
      target: '≤ 15 s',
    });
  });
}

/** One alert updated 50 times in 5 s: Sekoia.io reads and card edits. */
async function rapidUpdates(rows: Row[], peaks: number[]) {
  await inWorld(['soc'], peaks, async (world) => {
    world.mattermost.enableRateLimit(LIMIT);
    await subscribe(world, ['soc'], () => 'alert-raised');
    const alert = addAlert(world, 'Lyon HQ', 40);
    await notify(world, alert, 'created');
    await waitUntil(() => cardsByAlert(world).has(alert.uuid), 30_000);
    await waitQuiet(world, 1_500, 30_000);
    const postId = cardsByAlert(world).get(alert.uuid)?.[0]?.id ?? '';
    world.sekoia.clearRequests();
    world.mattermost.clearRequests();
    const statuses = ['Acknowledged', 'Ongoing'] as const;
    for (let i = 0; i < 50; i += 1) {
      const urgency = 40 + (i % 20);
      const statusName = i === 49 ? 'Closed' : (statuses[Math.floor(i / 25)] ?? 'Ongoing');
      const updated = world.sekoia.updateAlert(
        alert.uuid,
        { statusName, urgency: { ...alert.urgency, current_value: urgency, value: urgency } },
        { notify: false },
      );
      await notify(world, updated, 'updated', { dynamic_urgency_value: urgency });
      await sleep(100);
    }
    await waitQuiet(world, 4_000, 60_000);
    const reads = world.sekoia.requests.filter(
      (request) => request.method === 'GET' && request.path.endsWith(`/alerts/${alert.uuid}`),
    ).length;
    const edits = world.mattermost.requests.filter(
      (request) => request.method === 'PUT' && request.path.includes(postId),
    ).length;
    const replies = world.mattermost.thread(postId).length;
    const final = JSON.stringify(world.mattermost.getPost(postId)?.props ?? {}).includes('Closed');
    rows.push({
      measure:
        '50 updates of one alert in 5 s: Sekoia.io reads / card edits / thread notes; final state shown',
      value: `${reads} / ${edits} / ${replies}; ${final ? 'yes' : 'NO'}`,
      target: '≤ 5 / ≤ 5',
    });
  });
}

/** 200 alerts × 20 channels at 20 alerts/s, no rate limit, budgets off. */
async function burstLatency(rows: Row[], peaks: number[]) {
  await inWorld(stormNames, peaks, async (world) => {
    await subscribe(world, stormNames, () => 'alert-raised entity="Burst"');
    for (const name of stormNames) await world.command(world.channels.get(name) ?? '', 'storm off');
    const sent = new Map<string, number>();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < 200; i += 1) {
      const alert = addAlert(world, 'Burst', 40);
      sends.push(
        notify(world, alert, 'created').then((at) => {
          sent.set(alert.uuid, at);
        }),
      );
      await sleep(50);
    }
    await Promise.all(sends);
    const expected = 200 * STORM_CHANNELS;
    await waitUntil(() => rootPostRequests(world) >= expected, 300_000);
    await waitQuiet(world, 2_000, 60_000);
    const latencies: number[] = [];
    for (const [uuid, cards] of cardsByAlert(world)) {
      for (const card of cards) latencies.push(card.createAt - (sent.get(uuid) ?? Number.NaN));
    }
    rows.push({
      measure: `burst, no rate limit: 200 alerts × ${STORM_CHANNELS} channels at 20 alerts/s, WebHook → card p50 / p95`,
      value: `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))} (${latencies.length} cards)`,
      target: 'p95 < 1 s',
    });
  });
}

const rows: Row[] = [];
const peaks: number[] = [];
const peakNames: string[] = [];
const scenarios = { noStormLatency, stormDrain, drainAtLimit, sekoiaOutage, rapidUpdates, burstLatency };
const only = process.env.BENCH_STORM_ONLY?.split(',');
for (const [name, run] of Object.entries(scenarios)) {
  if (only && !only.includes(name)) continue;
  const begun = Date.now();
  await run(rows, peaks);
  peakNames.push(name);
  process.stderr.write(`${name}: ${s(Date.now() - begun)}\n`);
}
rows.push({
  measure: `peak RSS of the bot process (VmHWM): ${peakNames.join(', ')}`,
  value: peaks.map((peak) => `${Math.round(peak)} MB`).join(', '),
  target: '< 300 MB',
});

const table = [
  '| measure | figure | target |',
  '|---|---|---|',
  ...rows.map((row) => `| ${row.measure} | ${row.value} | ${row.target} |`),
].join('\n');
const markdown = `## Alert storms: \`npm run bench:storm\`

The bot runs as its own process (\`npm start\`'s command: the compiled \`dist/main.js\`, embedded SQLite, default settings: storm budget
20 cards per 5 min per channel) against the fake Sekoia.io and the fake Mattermost on loopback, the
latter with Mattermost's default rate limiter switched on (10 req/s, burst 100; GCRA, headers and
429 as the real one) except in the last scenario. The fake Sekoia.io has no rate limit; the bot's
Sekoia.io pacer is set to its highest rate (\`SEKOIA_API_RATE=${SEKOIA_RATE}\`). Each scenario starts a
fresh bot on an empty store. ${new Date().toISOString().slice(0, 10)}, ${process.version}, 2 cores.

${table}
`;
if (!only) writeBenchmarkSection(join(import.meta.dirname, '..', 'BENCHMARKS.md'), 'storm', markdown);
process.stdout.write(`${markdown}\n`);
