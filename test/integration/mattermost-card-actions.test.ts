import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_MATTERMOST_COMMAND_TOKEN } from '../fakes/fake-mattermost/index.ts';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';

describe('Mattermost card buttons and commands beyond the happy path', () => {
  let world: MattermostWorld;

  beforeEach(async () => {
    world = await startMattermostWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  const postedCard = async () => {
    await world.command('subscribe alert-raised urgency>=high');
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(90) });
    await expect.poll(() => JSON.stringify(world.cardOf(alert.uuid)?.props ?? {})).toContain('"mute1h"');
    return { alert, postId: world.cardOf(alert.uuid)?.id ?? '' };
  };

  it('comments through the dialog: Sekoia.io gets the comment with the user as author, the thread notes it', async () => {
    const { alert, postId } = await postedCard();
    const click = await world.mattermost.clickButton({ postId, actionId: 'comment', userId: world.alice.id });
    expect(click.status).toBe(200);
    const [dialog] = world.mattermost.dialogs();
    expect(dialog?.userId).toBe(world.alice.id);
    const empty = await world.mattermost.submitDialog({
      dialogIndexOrId: 0,
      userId: world.alice.id,
      submission: { comment: '   ' },
    });
    expect(empty.errors?.comment).toMatch(/1 to 2000/);
    expect(world.sekoia.getAlert(alert.uuid)?.comments).toHaveLength(0);
    const done = await world.mattermost.submitDialog({
      dialogIndexOrId: 0,
      userId: world.alice.id,
      submission: { comment: 'Isolated WS-114, @all please check' },
    });
    expect(done.closed).toBe(true);
    const comments = world.sekoia.getAlert(alert.uuid)?.comments ?? [];
    expect(comments.map((c) => [c.content, c.author])).toEqual([
      ['Isolated WS-114, @all please check', 'Mattermost: alice'],
    ]);
    const note = world.mattermost.thread(postId).at(-1)?.message ?? '';
    expect(note).toContain('alice');
    expect(note).not.toMatch(/(^|[^\u2060])@all/);
  });

  it('refuses a dialog state copied to another channel', async () => {
    const { postId } = await postedCard();
    await world.mattermost.clickButton({ postId, actionId: 'comment', userId: world.alice.id });
    const state = String(world.mattermost.dialogs()[0]?.dialog.state);
    const response = await fetch(`${world.bot.url}/mattermost/dialogs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'dialog_submission',
        callback_id: 'sekoia_comment',
        state,
        user_id: world.alice.id,
        channel_id: world.otherChannelId,
        submission: { comment: 'hello' },
      }),
    });
    // A 200 that explains: Mattermost shows nothing from any other status (issue 10 item 7).
    expect(response.status).toBe(200);
    expect(((await response.json()) as { error?: string }).error).toMatch(/not valid here/);
    expect(
      world.sekoia.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments')),
    ).toHaveLength(0);
  });

  it('mutes the rule that matched for one hour from the card, announced in the channel', async () => {
    const { postId } = await postedCard();
    const result = await world.mattermost.clickButton({ postId, actionId: 'mute1h', userId: world.alice.id });
    expect(result.ephemeralText).toMatch(/muted for 1h/);
    const [rule] = await world.bot.app.rules.listAll();
    expect(rule?.mute?.by.name).toBe('alice');
    const announcement = world.mattermost.posts(world.channelId).at(-1);
    expect(announcement?.user_id).toBe(world.mattermost.botUserId);
    expect(announcement?.message).toMatch(/alice.*muted rule/);
    const muted = world.sekoia.addAlert({ urgency: alertUrgency(95) });
    await world.sekoia.settleWebhooks();
    await expect.poll(async () => (await world.bot.app.queue.stats()).pending).toBe(0);
    expect(world.cardOf(muted.uuid)).toBeUndefined();
  });

  it('tells the clicker why when Sekoia.io is down, and leaves the card as it was', async () => {
    const { postId } = await postedCard();
    const before = JSON.stringify(world.cardOf(world.cards()[0]?.props.sekoia_alert_uuid as string)?.props);
    world.sekoia.setDown(true);
    const result = await world.mattermost.clickButton({
      postId,
      actionId: 'acknowledge',
      userId: world.alice.id,
    });
    world.sekoia.setDown(false);
    expect(result.status).toBe(200);
    expect(result.ephemeralText).toMatch(/Could not acknowledge/);
    expect(JSON.stringify(world.mattermost.getPost(postId)?.props)).toBe(before);
  });

  it('refuses a slash command with a wrong token (401) and runs the GET variant', async () => {
    const refused = await world.mattermost.sendSlashCommand({
      url: `${world.bot.url}/mattermost/command`,
      channelId: world.channelId,
      userId: world.alice.id,
      text: 'rules',
      token: 'x'.repeat(26),
    });
    expect(refused.status).toBe(401);
    const viaGet = await world.mattermost.sendSlashCommand({
      url: `${world.bot.url}/mattermost/command`,
      channelId: world.channelId,
      userId: world.alice.id,
      text: 'help',
      method: 'GET',
      token: FAKE_MATTERMOST_COMMAND_TOKEN,
    });
    expect(viaGet.status).toBe(200);
    expect(viaGet.response?.response_type).toBe('ephemeral');
    expect(String(viaGet.response?.text)).toContain('subscribe');
  });

  it('shows Sekoia.io, the scheduled jobs and the kept event types in status', async () => {
    await world.bot.app.scheduler.runNow('rules-catalog-poll');
    // The answer is Mattermost markdown: drop the escapes to read it as the user does.
    const text = (await world.command('status')).replace(/\\(.)/g, '$1');
    expect(text).toMatch(/Sekoia\.io: reachable/);
    expect(text).toMatch(/Job rules-catalog-poll: ok at/);
    expect(text).toMatch(/Job dedupe-prune: not run yet/);
  });

  it('answers a mistake with a 200 ephemeral error quoting the word, and keeps rules to their channel', async () => {
    const typo = await world.command('subscribe alert-raised urgncy>=high');
    expect(typo).toMatch(/urgncy/);
    expect(typo).toMatch(/urgency/);
    const created = await world.command('subscribe alert-raised urgency>=high');
    const ruleId = /Rule (\S+) created/.exec(created)?.[1] ?? '';
    const elsewhere = await world.command(`unsubscribe ${ruleId}`, world.otherChannelId);
    expect(elsewhere).toMatch(/no rule/);
    expect(await world.bot.app.rules.count()).toBe(1);
    expect(world.mattermost.ephemerals(world.alice.id).length).toBeGreaterThanOrEqual(3);
  });
});
