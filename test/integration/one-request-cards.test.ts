import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { REFUSED_CLICK } from '../../src/platforms/mattermost/create-action-route.ts';
import type { RecordedRequest } from '../fakes/fake-mattermost/index.ts';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';
import { cardContent, startTeamsWorld, type TeamsWorld } from './start-teams-world.ts';

/** What the bot asked Mattermost about posts: creations, edits, and the crash-window look-ups. */
function postTraffic(requests: readonly RecordedRequest[]) {
  const count = (method: string, path: RegExp) =>
    requests.filter((r) => r.method === method && path.test(r.path)).length;
  return {
    creates: count('POST', /^\/api\/v4\/posts$/),
    edits: count('PUT', /^\/api\/v4\/posts\/[a-z0-9]+\/patch$/),
    listings: count('GET', /^\/api\/v4\/channels\/[a-z0-9]+\/posts$/),
    me: count('GET', /^\/api\/v4\/users\/me$/),
  };
}

/** Issue 12 item 3: a card is one request; the crash-window look-up only when a post was interrupted. */
describe('one request per card on Mattermost', () => {
  let world: MattermostWorld;
  afterEach(async () => {
    await world.close();
  });

  const newCard = async (prepare?: () => void) => {
    await world.command('subscribe alert-raised urgency>=high');
    world.mattermost.clearRequests();
    prepare?.();
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(90) });
    await expect
      .poll(() => JSON.stringify(world.cardOf(alert.uuid)?.props ?? {}), { timeout: 10_000 })
      .toContain('"acknowledge"');
    return { alert, postId: world.cardOf(alert.uuid)?.id ?? '' };
  };

  it('posts a new card with its buttons in one POST and no look-up; a click on it works', async () => {
    world = await startMattermostWorld();
    const { alert, postId } = await newCard();
    expect(postTraffic(world.mattermost.requests)).toEqual({ creates: 1, edits: 0, listings: 0, me: 0 });
    const click = await world.mattermost.clickButton({
      postId,
      actionId: 'acknowledge',
      userId: world.alice.id,
    });
    expect(click).toMatchObject({ status: 200, botStatus: 200 });
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
    expect(world.cards()).toHaveLength(1);
  });

  it('refuses a click whose post is not the alert’s card, and changes nothing in Sekoia.io', async () => {
    world = await startMattermostWorld();
    const { alert, postId } = await newCard();
    const other = world.sekoia.addAlert({ urgency: alertUrgency(91) });
    await expect.poll(() => world.cardOf(other.uuid)?.id).toBeDefined();
    type Attachment = { actions?: { id: string; integration: { context: unknown } }[] };
    const attachments = (world.mattermost.getPost(postId)?.props.attachments ?? []) as Attachment[];
    const actions = attachments[0]?.actions ?? [];
    const context = actions.find((action) => action.id === 'acknowledge')?.integration.context;
    expect(context).toBeDefined();
    const sekoiaChanges = () => world.sekoia.requests.filter((r) => r.method !== 'GET').length;
    const before = sekoiaChanges();
    // What Mattermost would relay if the genuine context rode on another post of the same channel.
    const relay = (onPost: string | undefined) =>
      fetch(`${world.bot.url}/mattermost/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          user_id: world.alice.id,
          user_name: world.alice.username,
          channel_id: world.channelId,
          post_id: onPost,
          context,
        }),
      });
    const forged = await relay(world.cardOf(other.uuid)?.id);
    expect(forged.status).toBe(200);
    expect(await forged.json()).toEqual({ ephemeral_text: REFUSED_CLICK });
    expect(sekoiaChanges()).toBe(before);
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Pending');
    expect(world.sekoia.getAlert(other.uuid)?.status.name).toBe('Pending');
    // The same request from the card itself is taken: only the post made the difference.
    const genuine = await relay(postId);
    expect(await genuine.json()).not.toEqual({ ephemeral_text: REFUSED_CLICK });
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
  });

  it('still takes a version 1 button (its post id signed) from a card posted before version 2', async () => {
    world = await startMattermostWorld();
    const { alert, postId } = await newCard();
    const exp = Math.floor(Date.now() / 1000) + 3_600;
    const line = [1, 'acknowledge', alert.uuid, 'mattermost', world.channelId, postId, ruleOf(postId), exp];
    const s = createHmac('sha256', world.bot.app.secrets.actionSigningKey)
      .update(JSON.stringify(line))
      .digest('base64url');
    const [, a, al, pf, ch, m, r] = line;
    const relay = (onPost: string) =>
      fetch(`${world.bot.url}/mattermost/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          user_id: world.alice.id,
          channel_id: world.channelId,
          post_id: onPost,
          context: { v: 1, a, al, pf, ch, m, r, exp, s },
        }),
      });
    expect(await (await relay('x'.repeat(26))).json()).toEqual({ ephemeral_text: REFUSED_CLICK });
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Pending');
    expect(await (await relay(postId)).json()).not.toEqual({ ephemeral_text: REFUSED_CLICK });
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
  });

  /** The rule id a card's buttons are signed for. */
  const ruleOf = (postId: string): string => {
    type Attachment = { actions?: { integration: { context: { r: string } } }[] };
    const attachments = (world.mattermost.getPost(postId)?.props.attachments ?? []) as Attachment[];
    return attachments[0]?.actions?.[0]?.integration.context.r ?? '';
  };

  it('after a 429 on the POST, posts again without a look-up', async () => {
    world = await startMattermostWorld();
    await newCard(() => world.mattermost.rateLimitNext(1, 1));
    expect(postTraffic(world.mattermost.requests)).toEqual({ creates: 2, edits: 0, listings: 0, me: 0 });
    expect(world.cards()).toHaveLength(1);
  });

  it('after a post whose answer was lost (as in a crash before it was recorded), finds it: no second card', async () => {
    world = await startMattermostWorld();
    const { alert, postId } = await newCard(() => world.mattermost.loseAnswerNext(1));
    await expect.poll(() => postTraffic(world.mattermost.requests).edits).toBe(1);
    expect(postTraffic(world.mattermost.requests)).toEqual({ creates: 1, edits: 1, listings: 1, me: 1 });
    expect(world.cards()).toHaveLength(1);
    const click = await world.mattermost.clickButton({
      postId,
      actionId: 'acknowledge',
      userId: world.alice.id,
    });
    expect(click).toMatchObject({ status: 200, botStatus: 200 });
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
  });
});

describe('one request per card on Teams', () => {
  let world: TeamsWorld;
  afterEach(async () => {
    await world.close();
  });

  const executeData = (messageId: string | undefined, verb: string) => {
    const card = cardContent(messageId === undefined ? undefined : world.connector.getMessage(messageId));
    const actions = (card?.actions ?? []) as { verb?: string; data?: Record<string, unknown> }[];
    return actions.find((action) => action.verb === verb)?.data;
  };

  it('posts a new card with its buttons in one request; a click works, one copied to another card does not', async () => {
    world = await startTeamsWorld();
    await world.command('subscribe alert-raised urgency>=high');
    world.connector.clearRequests();
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(90) });
    await expect
      .poll(() => executeData(world.cardOf(alert.short_id)?.id, 'alert.acknowledge'), { timeout: 10_000 })
      .toBeDefined();
    const cardId = world.cardOf(alert.short_id)?.id ?? '';
    const traffic = world.connector.requests.filter((r) => r.path.startsWith('/v3/'));
    expect(traffic.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v3/conversations']);

    const other = world.sekoia.addAlert({ urgency: alertUrgency(91) });
    await expect.poll(() => executeData(world.cardOf(other.short_id)?.id, 'alert.acknowledge')).toBeDefined();
    const botUrl = `${world.bot.url}/api/messages`;
    const copied = await world.connector.sendInvoke({
      botUrl,
      from: world.ana.id,
      activityId: world.cardOf(other.short_id)?.id ?? '',
      verb: 'alert.acknowledge',
      data: executeData(cardId, 'alert.acknowledge') ?? {},
    });
    expect((copied.body as { statusCode?: number }).statusCode).toBe(403);
    expect(world.sekoia.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);

    const click = await world.connector.sendInvoke({
      botUrl,
      from: world.ana.id,
      activityId: cardId,
      verb: 'alert.acknowledge',
    });
    expect((click.body as { statusCode?: number }).statusCode).toBe(200);
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
    expect(world.sekoia.getAlert(other.uuid)?.status.name).toBe('Pending');
  });
});
