/**
 * `npm run demo`: the Mattermost product end to end on loopback. The bot runs with its real card
 * delivery between a fake Sekoia.io and a fake Mattermost: alice subscribes ~soc-alerts by slash
 * command, Sekoia.io sends alerts through the WebHook, the cards appear, alice clicks Acknowledge.
 * Every post is printed as a person would read it. Exits 0, or prints the error and exits 1.
 */

import type { FakePost, SlashCommandResult } from '../test/fakes/fake-mattermost/index.ts';
import { buildAlert, buildAlertWebhook } from '../test/fakes/fake-sekoia/index.ts';
import {
  attachmentOf,
  box,
  cardLines,
  fieldOf,
  messageLines,
  readable,
  renderCard,
  renderPost,
} from './render-card-for-terminal.ts';
import { type DemoWorld, startDemoWorld } from './start-demo-world.ts';

const out = (line = '') => process.stdout.write(`${line}\n`);
const bold = (text: string) => (process.stdout.isTTY ? `\u001b[1m${text}\u001b[22m` : text);
const step = (text: string) => out(`\n${bold(`▶ ${text}`)}`);
const print = (lines: readonly string[]) => {
  for (const line of lines) out(line);
};
const urgency = (value: number) => ({ ...buildAlert().urgency, current_value: value, value });

function check(condition: boolean, failure: string): asserts condition {
  if (!condition) throw new Error(failure);
}

function answerOf(result: SlashCommandResult): string {
  const text = result.response?.text;
  return typeof text === 'string' ? text : (result.error ?? `(no answer, HTTP ${result.status})`);
}

async function command(world: DemoWorld, text: string): Promise<void> {
  out(`  @alice in ~soc-alerts: /sekoia ${text}`);
  print(box('only alice sees (ephemeral)', messageLines(answerOf(await world.command(text)))));
}

async function subscribe(world: DemoWorld): Promise<void> {
  step('alice subscribes the channel by slash command');
  await command(world, 'subscribe alert-raised urgency>=high');
  const fromBot = () =>
    world.mattermost.posts(world.channelId).filter((p) => p.user_id === world.mattermost.botUserId);
  await world.waitUntil('the announcement post', () => fromBot().length > 0);
  const [announcement] = fromBot();
  if (announcement) print(renderPost(announcement, "the bot's post in ~soc-alerts (everyone)"));
  step('alice lists the rules, then mistypes a condition');
  await command(world, 'rules');
  await command(world, 'subscribe alert-raised urgncy>=high');
}

async function raiseAlerts(world: DemoWorld): Promise<FakePost> {
  step('Sekoia.io raises a high alert and a low alert, and sends their WebHooks');
  const high = world.sekoia.addAlert({
    title: 'Mimikatz credential dumping on WS-114',
    urgency: urgency(90),
  });
  const low = world.sekoia.addAlert({ title: 'Port scan from 10.20.4.17', urgency: urgency(20) });
  out(`  high: ${high.short_id} (urgency 90)   low: ${low.short_id} (urgency 20)`);
  await world.waitIdle('the card of the high alert', () => world.cards().length > 0);
  const [card, ...more] = world.cards();
  check(card !== undefined && more.length === 0, `expected one card, found ${world.cards().length}`);
  check(card.props.sekoia_alert_uuid === high.uuid, 'the card is not the high alert');
  out(`  ~soc-alerts now has ${world.mattermost.posts(world.channelId).length} posts; the card:`);
  print(renderCard(card));
  out(`  The low alert ${low.short_id} matched no rule: nothing was posted for it.`);
  return card;
}

async function addOccurrences(world: DemoWorld, card: FakePost): Promise<void> {
  step('The alert gets 4 new occurrences (Sekoia.io sends an "updated" WebHook)');
  const before = fieldOf(card, 'Occurrences');
  world.sekoia.addOccurrence(String(card.props.sekoia_alert_uuid), 4);
  const current = () => world.cards().find((post) => post.id === card.id);
  await world.waitIdle('the card edit', () => fieldOf(current(), 'Occurrences') !== before);
  check(current() !== undefined && world.cards().length === 1, 'the card was replaced, not edited');
  out(`  Same post ${card.id} edited: Occurrences ${before} → ${fieldOf(current(), 'Occurrences')}.`);
  out(`  No second card: ~soc-alerts still has ${world.cards().length} card.`);
}

async function acknowledge(world: DemoWorld, card: FakePost): Promise<void> {
  step('alice clicks Acknowledge on the card');
  const click = await world.mattermost.clickButton({
    postId: card.id,
    actionId: 'acknowledge',
    userId: world.alice.id,
  });
  check(click.status === 200, `the click failed: ${click.status} ${click.error ?? ''}`);
  print(box('only alice sees (ephemeral)', [readable(click.ephemeralText ?? '(nothing)')]));
  const patch = world.sekoia.requests.find((r) => r.method === 'PATCH' && r.path.endsWith('/workflow'));
  check(patch !== undefined, 'Sekoia.io received no workflow change');
  print(box('Sekoia.io received', [`${patch.method} ${patch.path}`, JSON.stringify(patch.body)]));
  await world.waitIdle('the thread reply', () => world.mattermost.thread(card.id).length > 0);
  const after = world.cards().find((post) => post.id === card.id);
  check(after !== undefined, 'the card disappeared');
  out('  The card after the click:');
  print(renderCard(after));
  for (const reply of world.mattermost.thread(card.id)) print(renderPost(reply, 'thread reply'));
}

async function sendTwice(world: DemoWorld, card: FakePost): Promise<void> {
  step('Sekoia.io retries: the same WebHook arrives twice');
  const alert = world.sekoia.getAlert(String(card.props.sekoia_alert_uuid));
  check(alert !== undefined, 'the alert is gone from Sekoia.io');
  const body = JSON.stringify(
    buildAlertWebhook({ alert, action: 'updated', uuid: 'demo-retried-notification' }),
  );
  for (let i = 0; i < 2; i += 1) {
    const headers = { 'content-type': 'application/json' };
    const response = await fetch(world.webhookUrl, { method: 'POST', headers, body });
    out(`  POST /hooks/sekoia/<secret> → ${response.status} ${await response.text()}`);
  }
  await world.waitIdle('the queue to drain');
  const metrics = await (await fetch(`${world.botUrl}/metrics`)).text();
  const lines = metrics.split('\n').filter((l) => /^sekoia_chatops_events_\w+(\{| )/.test(l));
  check(
    lines.some((l) => l.startsWith('sekoia_chatops_events_deduplicated_total 1')),
    'no deduplication',
  );
  print(box('GET /metrics (events)', lines));
  check(world.cards().length === 1, 'the repeated WebHook made a second card');
  out(`  Still ${world.cards().length} card in ~soc-alerts.`);
}

async function refuseBadInputs(world: DemoWorld, card: FakePost): Promise<void> {
  step('Bad inputs are refused: a forged click (signed context altered from "validate" to "close")');
  const current = world.cards().find((post) => post.id === card.id);
  const context = attachmentOf(current).actions?.find((a) => a.id === 'validate')?.integration?.context;
  check(context !== undefined, 'the card has no Validate button');
  const response = await fetch(`${world.botUrl}/mattermost/actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      user_id: world.alice.id,
      user_name: world.alice.username,
      channel_id: world.channelId,
      team_id: 'team1',
      post_id: card.id,
      type: 'button',
      context: { ...context, a: 'close' },
    }),
  });
  out(`  POST /mattermost/actions → ${response.status} ${await response.text()}`);
  check(response.status === 403, `the forged click was answered ${response.status}`);
  const status = world.sekoia.getAlert(String(card.props.sekoia_alert_uuid))?.status.name;
  out(`  Refused; the alert is still "${status}" in Sekoia.io.`);
  out('  …and a WebHook with a wrong secret:');
  const guess = await fetch(world.webhookUrl.replace(/[^/]+$/, 'guess'), { method: 'POST', body: '{}' });
  out(`  POST /hooks/sekoia/guess → ${guess.status} ${await guess.text()}`);
  check(guess.status >= 400, `the wrong secret was answered ${guess.status}`);
}

/** The alert a `POST /posts` body is the card of, if it is a card. */
function alertUuidOf(body: unknown): unknown {
  const props = typeof body === 'object' && body !== null && 'props' in body ? body.props : undefined;
  return typeof props === 'object' && props !== null && 'sekoia_alert_uuid' in props
    ? props.sekoia_alert_uuid
    : undefined;
}

/** Counted from what the fakes saw: card posts, visible card changes, workflow calls, cards per alert. */
function summary(world: DemoWorld, cardVersions: readonly string[]): string {
  const posted = world.mattermost.requests
    .filter((r) => r.method === 'POST' && r.path === '/api/v4/posts')
    .map((r) => alertUuidOf(r.body))
    .filter((alertUuid) => alertUuid !== undefined);
  const duplicates = posted.length - new Set(posted).size;
  const edits = cardVersions.filter((version, i) => i > 0 && version !== cardVersions[i - 1]).length;
  const actions = world.sekoia.requests.filter((r) => r.method === 'PATCH').length;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [`${count(posted.length, 'card')} posted`, count(edits, 'edit'), count(actions, 'action')];
  return `Demo finished: ${parts.join(', ')}, ${count(duplicates, 'duplicate')}.`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const world = await startDemoWorld();
  try {
    step('Starting');
    out(`  sekoia-chatops     ${world.botUrl} (real Mattermost delivery)`);
    out(`  fake Sekoia.io     ${world.sekoia.url} (API; WebHooks to the bot)`);
    out(`  fake Mattermost    ${world.mattermost.url} (team team1, channel ~soc-alerts, user @alice)`);
    await subscribe(world);
    const card = await raiseAlerts(world);
    // The card as a person sees it after each step; an edit is a visible change between two steps.
    const versions: string[] = [];
    const seeCard = () => {
      const current = world.cards().find((post) => post.id === card.id);
      versions.push(current === undefined ? '' : cardLines(current).join('\n'));
    };
    seeCard();
    for (const next of [addOccurrences, acknowledge, sendTwice, refuseBadInputs]) {
      await next(world, card);
      seeCard();
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    out(`\n${bold(summary(world, versions))} (${seconds} s)`);
  } finally {
    await world.stop();
  }
}

// The tour takes about a second; a hang must not outlive the 30 s promised in the spec.
setTimeout(() => {
  process.stderr.write('\nDemo failed: still running after 25 s\n');
  process.exit(1);
}, 25_000).unref();

try {
  await main();
} catch (error) {
  process.stderr.write(
    `\nDemo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
