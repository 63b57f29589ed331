import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakePost } from '../fakes/fake-mattermost/index.ts';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';

const statusOf = (post: FakePost | undefined) => JSON.stringify(post?.props.attachments ?? []);

describe('Mattermost: a rule that notifies (--notify) on new cards', () => {
  let world: MattermostWorld;

  beforeEach(async () => {
    world = await startMattermostWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  /** Every post or edit request the bot sent whose message names `@name`. */
  const requestsNaming = (name: string) =>
    world.mattermost.requests.filter(
      (r) =>
        (r.method === 'POST' || r.method === 'PUT') &&
        r.path.startsWith('/api/v4/posts') &&
        typeof (r.body as { message?: unknown } | undefined)?.message === 'string' &&
        (r.body as { message: string }).message.includes(`@${name}`),
    );

  it('pings @oncall once on a new high card, not on a low one, not on edits or clicks', async () => {
    const answer = await world.command('subscribe alert-raised --notify @oncall --notify-urgency high');
    expect(answer).toContain('created');
    const high = world.sekoia.addAlert({ title: 'Mimikatz @channel @all', urgency: alertUrgency(90) });
    const low = world.sekoia.addAlert({ title: 'Port scan', urgency: alertUrgency(20) });
    await expect.poll(() => world.cards().length).toBe(2);
    expect(world.cardOf(high.uuid)?.message).toBe('@oncall');
    expect(world.cardOf(low.uuid)?.message).toBe('');
    // The alert's own "@channel" stays escaped in the attachment: it pings nobody.
    expect(statusOf(world.cardOf(high.uuid))).not.toMatch(/@channel|@all/);
    expect(requestsNaming('oncall')).toHaveLength(1);
    expect(requestsNaming('channel')).toHaveLength(0);

    world.sekoia.updateAlert(high.uuid, { statusName: 'Acknowledged' });
    await expect.poll(() => statusOf(world.cardOf(high.uuid))).toContain('Acknowledged');
    const clicked = await world.mattermost.clickButton({
      postId: world.cardOf(high.uuid)?.id ?? '',
      actionId: 'validate',
      userId: world.alice.id,
    });
    expect(clicked.status).toBe(200);
    await expect.poll(() => statusOf(world.cardOf(high.uuid))).toMatch(/Validated|Ongoing/);
    const card = world.cardOf(high.uuid);
    // Edits keep the message as created: the text stays, no edit mark, and the only post that pinged
    // is the one that created the card.
    expect(card?.message).toBe('@oncall');
    expect(card?.edit_at).toBe(0);
    expect(world.cards()).toHaveLength(2);
    const posts = requestsNaming('oncall').filter((r) => r.method === 'POST' && r.path === '/api/v4/posts');
    expect(posts).toHaveLength(1);
  });

  it('pings every new card of a rule without --notify-urgency, and no card of a rule without --notify', async () => {
    await world.command('subscribe alert-raised urgency<50 --notify @sre-team,@here');
    await world.command('subscribe alert-raised urgency>=50');
    const low = world.sekoia.addAlert({ urgency: alertUrgency(10) });
    const high = world.sekoia.addAlert({ urgency: alertUrgency(95) });
    await expect.poll(() => world.cards().length).toBe(2);
    expect(world.cardOf(low.uuid)?.message).toBe('@sre-team @here');
    expect(world.cardOf(high.uuid)?.message).toBe('');
  });
});
