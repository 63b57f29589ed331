/**
 * `npm run demo`: the product end to end on loopback. The bot runs with its real card delivery
 * between a fake Sekoia.io, a fake Mattermost and a fake Bot Connector (Teams): alice subscribes
 * ~soc-alerts by slash command and previews another rule over a week of past alerts, Ana subscribes the Teams channel soc-alerts with @Sekoia, Sekoia.io
 * sends alerts through the WebHook, the same alert's card appears in both channels, alice clicks
 * Acknowledge in Mattermost and Ana Validate in Teams, and both cards follow each click; last, a rule
 * with `--remind` and `--escalate` gets a card nobody acknowledges, and the bot's clock jumps ahead to
 * show the reminder and the escalation in its thread. Every post is printed as a person would read it. Exits 0, or prints the error and exits 1.
 */

import type { FakeTeamsMessage } from '../test/fakes/fake-bot-connector/index.ts';
import type { FakePost, SlashCommandResult } from '../test/fakes/fake-mattermost/index.ts';
import { buildAlert, buildAlertWebhook } from '../test/fakes/fake-sekoia/index.ts';
import {
  actionTitlesOf,
  adaptiveCardOf,
  cardFactOf,
  factOf,
  invokeAnswerCard,
  openUrlOf,
  renderTeamsMessage,
  teamsMessageLines,
} from './render-adaptive-card-for-terminal.ts';
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

/** The high alert's card in each channel: a Mattermost post in ~soc-alerts, a Teams message in soc-alerts. */
interface Shown {
  alertUuid: string;
  shortId: string;
  post: FakePost;
  teams: FakeTeamsMessage;
}

const postOf = (world: DemoWorld, shown: Shown) => world.cards().find((post) => post.id === shown.post.id);
const teamsCardOf = (world: DemoWorld, shown: Shown) =>
  world.teamsCards().find((message) => message.id === shown.teams.id);
const teamsPlace = (world: DemoWorld) => `${world.teams.teamName} › ${world.teams.channelName}`;
const isWorkflowPatch = (r: { method: string; path: string }) =>
  r.method === 'PATCH' && r.path.endsWith('/workflow');

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

/** A week of past alerts (no WebHooks: raised before the demo), then how noisy a rule would be. */
async function previewWeek(world: DemoWorld): Promise<void> {
  step('alice previews a rule over the last 7 days before subscribing it');
  const day = 86_400_000;
  const today = Math.floor(Date.now() / day) * day;
  // [days ago, urgency]: a few below medium, which the rule leaves out.
  const week = [
    [6, 60],
    [6, 90],
    [6, 20],
    [5, 70],
    [3, 55],
    [3, 80],
    [2, 30],
    [1, 95],
    [0, 65],
    [0, 40],
  ];
  for (const [index, [daysAgo = 0, value = 0]] of week.entries()) {
    const ms = Math.min(today - daysAgo * day + (index + 1) * 60_000, Date.now() - 1_000);
    const created = Math.floor(ms / 1000);
    const entity = { uuid: buildAlert().entity?.uuid ?? '', name: index % 3 === 0 ? 'Paris DC' : 'Lyon HQ' };
    const alert = { urgency: urgency(value), entity, created_at: created, updated_at: created };
    world.sekoia.addAlert(alert, { notify: false });
  }
  await command(world, 'preview alert-raised urgency>=medium');
}

async function subscribeInTeams(world: DemoWorld): Promise<void> {
  const where = teamsPlace(world);
  step(
    `The bot is installed in the Teams team ${world.teams.teamName}; Ana subscribes its soc-alerts channel`,
  );
  const install = await world.installInTeams();
  const answers = install.activities.map((a, i) => `${String(a.type)} → ${install.statuses[i]}`);
  out(`  Teams → POST /api/messages: ${answers.join(', ')}`);
  check(
    install.statuses.every((status) => status === 200),
    `the install was answered ${install.statuses.join(', ')}`,
  );
  const text = 'subscribe alert-raised urgency>=high';
  out(`  Ana Analyst in ${where}: @Sekoia ${text}`);
  const sent = await world.teamsCommand(text);
  check(sent.delivered && sent.status === 200, `the bot answered ${sent.status} ${sent.error ?? ''}`);
  const reply = sent.replies.find((message) => message.replyToId === sent.activity.id);
  check(reply !== undefined, "the bot did not reply in Ana's thread");
  print(renderTeamsMessage(reply, "the bot's reply in Ana's thread (Adaptive Card)"));
  const announcements = () =>
    world.connector
      .messages(world.teams.channelId)
      .filter((m) => m.replyToId === undefined && adaptiveCardOf(m.activity) === undefined);
  await world.waitUntil('the Teams announcement', () => announcements().length > 0);
  const [announcement] = announcements();
  if (announcement) print(renderTeamsMessage(announcement, `the bot's post in ${where} (everyone)`));
}

async function raiseAlerts(world: DemoWorld): Promise<Shown> {
  step('Sekoia.io raises a high alert and a low alert, and sends their WebHooks');
  // The card names the asset and its criticality, read from the asset API.
  const host = world.sekoia.addAsset({ name: 'WS-114', category: 'desktop', criticality: 70 });
  const high = world.sekoia.addAlert({
    title: 'Mimikatz credential dumping on WS-114',
    urgency: urgency(90),
    assets: [host.uuid],
  });
  const low = world.sekoia.addAlert({ title: 'Port scan from 10.20.4.17', urgency: urgency(20) });
  out(`  high: ${high.short_id} (urgency 90)   low: ${low.short_id} (urgency 20)`);
  // A Teams card is posted, then edited once its activity id is known to carry the signed buttons.
  const teamsReady = () => world.teamsCards().some((m) => actionTitlesOf(m).includes('Acknowledge'));
  await world.waitIdle('the cards of the high alert', () => world.cards().length > 0 && teamsReady());
  const [card, ...more] = world.cards();
  check(card !== undefined && more.length === 0, `expected one card, found ${world.cards().length}`);
  check(card.props.sekoia_alert_uuid === high.uuid, 'the card is not the high alert');
  const [teams, ...moreTeams] = world.teamsCards();
  check(
    teams !== undefined && moreTeams.length === 0,
    `expected one Teams card, found ${world.teamsCards().length}`,
  );
  const link = openUrlOf(adaptiveCardOf(teams.activity));
  check(link?.endsWith(`/${high.short_id}`) === true, 'the Teams card is not the high alert');
  out(`  ~soc-alerts now has ${world.mattermost.posts(world.channelId).length} posts; the card:`);
  print(renderCard(card));
  out(`  ${teamsPlace(world)} in Teams got the same alert as an Adaptive Card:`);
  print(renderTeamsMessage(teams, 'Teams card'));
  const mentionsLow = (value: unknown) => JSON.stringify(value).includes(low.short_id);
  check(
    !world.mattermost.posts(world.channelId).some(mentionsLow) &&
      !world.connector.messages().some((m) => mentionsLow(m.activity)),
    'the low alert was posted',
  );
  out(`  The low alert ${low.short_id} matched no rule: nothing was posted for it, in either channel.`);
  return { alertUuid: high.uuid, shortId: high.short_id, post: card, teams };
}

async function addOccurrences(world: DemoWorld, shown: Shown): Promise<void> {
  step('The alert gets 4 new occurrences (Sekoia.io sends an "updated" WebHook)');
  const before = fieldOf(shown.post, 'Occurrences');
  const teamsBefore = factOf(shown.teams, 'Occurrences');
  world.sekoia.addOccurrence(shown.alertUuid, 4);
  await world.waitIdle(
    'the card edits',
    () =>
      fieldOf(postOf(world, shown), 'Occurrences') !== before &&
      factOf(teamsCardOf(world, shown), 'Occurrences') !== teamsBefore,
  );
  check(
    postOf(world, shown) !== undefined && world.cards().length === 1,
    'the card was replaced, not edited',
  );
  check(
    teamsCardOf(world, shown) !== undefined && world.teamsCards().length === 1,
    'the Teams card was replaced, not edited',
  );
  const after = fieldOf(postOf(world, shown), 'Occurrences');
  out(`  Same post ${shown.post.id} edited: Occurrences ${before} → ${after}.`);
  const teamsAfter = factOf(teamsCardOf(world, shown), 'Occurrences');
  out(`  Same Teams card ${shown.teams.id} edited too: Occurrences ${teamsBefore} → ${teamsAfter}.`);
  out(
    `  No second card: ~soc-alerts still has ${world.cards().length} card, Teams ${world.teamsCards().length}.`,
  );
}

async function acknowledge(world: DemoWorld, shown: Shown): Promise<void> {
  const { post: card } = shown;
  step('alice clicks Acknowledge on the Mattermost card; the Teams card follows');
  const click = await world.mattermost.clickButton({
    postId: card.id,
    actionId: 'acknowledge',
    userId: world.alice.id,
  });
  check(click.status === 200, `the click failed: ${click.status} ${click.error ?? ''}`);
  print(box('only alice sees (ephemeral)', [readable(click.ephemeralText ?? '(nothing)')]));
  const patch = world.sekoia.requests.find(isWorkflowPatch);
  check(patch !== undefined, 'Sekoia.io received no workflow change');
  print(box('Sekoia.io received', [`${patch.method} ${patch.path}`, JSON.stringify(patch.body)]));
  await world.waitIdle('the thread reply', () => world.mattermost.thread(card.id).length > 0);
  const after = postOf(world, shown);
  check(after !== undefined, 'the card disappeared');
  out('  The card after the click:');
  print(renderCard(after));
  for (const reply of world.mattermost.thread(card.id)) print(renderPost(reply, 'thread reply'));
  // Both channels show the same alert: the Teams card follows the click made in Mattermost.
  await world.waitIdle(
    'the Teams card to follow',
    () =>
      factOf(teamsCardOf(world, shown), 'Status') === 'Acknowledged' &&
      world.connector.thread(shown.teams.id).length > 0,
  );
  const teams = teamsCardOf(world, shown);
  check(teams !== undefined && world.teamsCards().length === 1, 'the Teams card was replaced, not edited');
  out(`  The Teams card of the same alert, edited in place (same activity ${teams.id}):`);
  print(renderTeamsMessage(teams, 'Teams card'));
  for (const reply of world.connector.thread(teams.id))
    print(renderTeamsMessage(reply, 'Teams thread reply'));
}

async function sendTwice(world: DemoWorld, shown: Shown): Promise<void> {
  step('Sekoia.io retries: the same WebHook arrives twice');
  const alert = world.sekoia.getAlert(shown.alertUuid);
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
  check(world.teamsCards().length === 1, 'the repeated WebHook made a second Teams card');
  out(`  Still ${world.cards().length} card in ~soc-alerts, and ${world.teamsCards().length} in Teams.`);
}

async function refuseBadInputs(world: DemoWorld, shown: Shown): Promise<void> {
  const { post: card } = shown;
  step('Bad inputs are refused: a forged click (signed context altered from "validate" to "close")');
  const current = postOf(world, shown);
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
  const answer = await response.text();
  out(`  POST /mattermost/actions → ${response.status} ${answer}`);
  // 200 with the reason: Mattermost shows the clicker nothing from any other status.
  check(response.status === 200, `the forged click was answered ${response.status}`);
  check(answer.includes('not valid here'), 'the forged click was not explained');
  const status = world.sekoia.getAlert(shown.alertUuid)?.status.name;
  check(status !== 'Closed', 'the forged click closed the alert');
  out(`  Refused; the alert is still "${status}" in Sekoia.io.`);
  out('  …and a WebHook with a wrong secret:');
  const guess = await fetch(world.webhookUrl.replace(/[^/]+$/, 'guess'), { method: 'POST', body: '{}' });
  out(`  POST /hooks/sekoia/guess → ${guess.status} ${await guess.text()}`);
  check(guess.status >= 400, `the wrong secret was answered ${guess.status}`);
}

async function validateInTeams(world: DemoWorld, shown: Shown): Promise<void> {
  step('Ana clicks Validate on the Teams card');
  const patches = world.sekoia.requests.filter(isWorkflowPatch).length;
  const threads = {
    teams: world.connector.thread(shown.teams.id).length,
    mattermost: world.mattermost.thread(shown.post.id).length,
  };
  const click = await world.connector.sendInvoke({
    botUrl: world.messagesUrl,
    from: world.ana.id,
    activityId: shown.teams.id,
    verb: 'alert.validate',
  });
  const answer = invokeAnswerCard(click.body);
  check(click.status === 200 && answer !== undefined, `the click was answered ${JSON.stringify(click.body)}`);
  out(
    `  adaptiveCard/action invoke → ${click.status}; Ana's card is replaced by the answer at once ` +
      `(Status: ${cardFactOf(answer, 'Status')}).`,
  );
  const patch = world.sekoia.requests.filter(isWorkflowPatch)[patches];
  check(patch !== undefined, 'Sekoia.io received no workflow change');
  print(box('Sekoia.io received', [`${patch.method} ${patch.path}`, JSON.stringify(patch.body)]));
  const status = world.sekoia.getAlert(shown.alertUuid)?.status.name;
  check(status !== undefined && status !== 'Acknowledged', `the alert is still "${status}" in Sekoia.io`);
  await world.waitIdle(
    'both cards to follow',
    () =>
      factOf(teamsCardOf(world, shown), 'Status') === status &&
      fieldOf(postOf(world, shown), 'Status') === status &&
      world.connector.thread(shown.teams.id).length > threads.teams &&
      world.mattermost.thread(shown.post.id).length > threads.mattermost,
  );
  const teams = teamsCardOf(world, shown);
  const post = postOf(world, shown);
  check(teams !== undefined && post !== undefined, 'a card disappeared');
  out(`  Both cards follow. In Teams (same activity ${teams.id}):`);
  print(renderTeamsMessage(teams, 'Teams card'));
  for (const reply of world.connector.thread(teams.id).slice(threads.teams))
    print(renderTeamsMessage(reply, 'Teams thread reply'));
  out(`  In Mattermost (same post ${post.id}):`);
  print(renderCard(post));
  for (const reply of world.mattermost.thread(post.id).slice(threads.mattermost))
    print(renderPost(reply, 'thread reply'));
}

async function excludeFromCard(world: DemoWorld): Promise<void> {
  step('alice asks "Why this card?", then excludes the entity from the rule, and undoes it');
  const alert = world.sekoia.addAlert({
    title: 'Port scan from a printer',
    urgency: urgency(92),
    entity: { uuid: '3f1e2d4c-5b6a-4978-8e1d-2c3b4a5f6e7d', name: 'Nantes Branch' },
  });
  const cardOf = () => world.cards().find((post) => post.props.sekoia_alert_uuid === alert.uuid);
  await world.waitIdle('the card of the Nantes alert', () => cardOf() !== undefined);
  const card = cardOf();
  check(card !== undefined, 'the Nantes alert got no card');
  const why = await world.mattermost.clickButton({
    postId: card.id,
    actionId: 'why',
    userId: world.alice.id,
  });
  print(box('only alice sees (ephemeral)', messageLines(why.ephemeralText ?? '(nothing)')));
  const excluded = await world.mattermost.clickButton({
    postId: card.id,
    actionId: 'excludeEntity',
    userId: world.alice.id,
  });
  print(box('only alice sees (ephemeral)', [readable(excluded.ephemeralText ?? '(nothing)')]));
  await world.waitIdle('the announcement', () => world.mattermost.thread(card.id).length > 0);
  const announcement = world.mattermost.posts(world.channelId).find((p) => p.message.includes('excluded'));
  check(announcement !== undefined, 'the exclusion was not announced');
  print(renderPost(announcement, 'the bot’s post in ~soc-alerts'));
  for (const reply of world.mattermost.thread(card.id)) print(renderPost(reply, 'thread reply'));
  const undo = await world.mattermost.clickButton({
    postId: announcement.id,
    actionId: 'undoExclusion',
    userId: world.alice.id,
  });
  out('  alice clicks Undo on the announcement:');
  print(box('only alice sees (ephemeral)', [readable(undo.ephemeralText ?? '(nothing)')]));
  await world.waitIdle('the queue to drain');
}

async function remindUnacknowledged(world: DemoWorld): Promise<void> {
  step('alice adds a rule that reminds, then escalates, while a card stays unacknowledged');
  await command(
    world,
    'subscribe alert-raised urgency>=medium --notify @oncall --remind 15m --escalate @secops-leads 30m',
  );
  const alert = world.sekoia.addAlert({
    title: 'Suspicious PowerShell download on SRV-DB-2',
    urgency: urgency(60),
  });
  out(`  Sekoia.io raises ${alert.short_id} (urgency 60)`);
  const cardOf = () => world.cards().find((post) => post.props.sekoia_alert_uuid === alert.uuid);
  // Not waitIdle: the reminders wait in the queue, due in 15 and 30 minutes; the clock may jump once
  // they are queued (the card job queues them right after its post) and nothing else runs.
  await world.waitUntil('the card and its reminders', async () => {
    const kinds = await world.app.queue.statsByKind();
    const waiting = (kind: string) => kinds.find((each) => each.kind === kind)?.waiting ?? 0;
    const busy = kinds.some((each) => each.running > 0);
    return cardOf() !== undefined && waiting('card-reminder') === 2 && !busy;
  });
  const card = cardOf();
  check(card !== undefined, 'the medium alert got no card');
  print(renderCard(card));
  const thread = () => world.mattermost.thread(card.id);
  step('Nobody acknowledges it: 15 minutes pass (the demo moves the bot’s clock ahead)');
  check(thread().length === 0, 'a reminder came before its time');
  world.passTime(15 * 60_000);
  await world.waitUntil('the reminder', () => thread().length > 0);
  for (const reply of thread()) print(renderPost(reply, 'thread reply'));
  step('Still nobody, 15 minutes later: the escalation');
  world.passTime(15 * 60_000);
  await world.waitUntil('the escalation', () => thread().length > 1);
  for (const reply of thread().slice(1)) print(renderPost(reply, 'thread reply'));
}

/** The alert a `POST /posts` body is the card of, if it is a card. */
function alertUuidOf(body: unknown): unknown {
  const props = typeof body === 'object' && body !== null && 'props' in body ? body.props : undefined;
  return typeof props === 'object' && props !== null && 'sekoia_alert_uuid' in props
    ? props.sekoia_alert_uuid
    : undefined;
}

/** The alert (its "Open in Sekoia.io" URL) a Teams `POST /v3/conversations` body is the card of. */
function alertLinkOf(body: unknown): string | undefined {
  const activity =
    typeof body === 'object' && body !== null && 'activity' in body ? body.activity : undefined;
  return openUrlOf(adaptiveCardOf(activity));
}

/** Each time a card as a person sees it differs from what they saw at the step before. */
const changes = (versions: readonly string[]) =>
  versions.filter((version, i) => i > 0 && version !== versions[i - 1]).length;

/** Counted from what the fakes saw: card posts, visible card changes, workflow calls, cards per alert. */
function summary(world: DemoWorld, versions: { mattermost: string[]; teams: string[] }): string {
  const posted = world.mattermost.requests
    .filter((r) => r.method === 'POST' && r.path === '/api/v4/posts')
    .map((r) => alertUuidOf(r.body))
    .filter((alertUuid) => alertUuid !== undefined);
  const teamsPosted = world.connector.requests
    .filter((r) => r.method === 'POST' && r.path === '/v3/conversations')
    .map((r) => alertLinkOf(r.body))
    .filter((link) => link !== undefined);
  const duplicates = posted.length - new Set(posted).size + teamsPosted.length - new Set(teamsPosted).size;
  const edits = { mattermost: changes(versions.mattermost), teams: changes(versions.teams) };
  const actions = world.sekoia.requests.filter((r) => r.method === 'PATCH').length;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [
    `${count(posted.length + teamsPosted.length, 'card')} posted (Mattermost ${posted.length}, Teams ${teamsPosted.length})`,
    `${count(edits.mattermost + edits.teams, 'edit')} (Mattermost ${edits.mattermost}, Teams ${edits.teams})`,
    count(actions, 'action'),
  ];
  return `Demo finished: ${parts.join(', ')}, ${count(duplicates, 'duplicate')}.`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const world = await startDemoWorld();
  try {
    step('Starting');
    out(`  sekoia-chatops     ${world.botUrl} (real Mattermost and Teams delivery)`);
    out(`  fake Sekoia.io     ${world.sekoia.url} (API; WebHooks to the bot)`);
    out(`  fake Mattermost    ${world.mattermost.url} (team team1, channel ~soc-alerts, user @alice)`);
    out(
      `  fake Bot Connector ${world.connector.serviceUrl.replace(/\/$/, '')} ` +
        `(Teams team ${world.teams.teamName}, channel ${world.teams.channelName}, user ${world.ana.name})`,
    );
    await subscribe(world);
    await previewWeek(world);
    await subscribeInTeams(world);
    const shown = await raiseAlerts(world);
    // The cards as a person sees them after each step; an edit is a visible change between two steps.
    const versions = { mattermost: [] as string[], teams: [] as string[] };
    const seeCards = () => {
      const post = postOf(world, shown);
      versions.mattermost.push(post === undefined ? '' : cardLines(post).join('\n'));
      const teams = teamsCardOf(world, shown);
      versions.teams.push(teams === undefined ? '' : teamsMessageLines(teams).join('\n'));
    };
    seeCards();
    for (const next of [addOccurrences, acknowledge, sendTwice, refuseBadInputs, validateInTeams]) {
      await next(world, shown);
      seeCards();
    }
    await excludeFromCard(world);
    await remindUnacknowledged(world);
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
