import { afterEach, describe, expect, it } from 'vitest';
import { asRead } from '../fakes/fake-mattermost/as-read.ts';
import type { FakePost, StartFakeMattermostOptions } from '../fakes/fake-mattermost/index.ts';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';

interface Attachment {
  text?: string;
  fields?: { title: string; value: string | number }[];
}

const attachmentOf = (post: FakePost | undefined): Attachment =>
  ((post?.props.attachments as Attachment[] | undefined) ?? [])[0] ?? {};
const statusOf = (post: FakePost | undefined) =>
  String(attachmentOf(post).fields?.find((f) => f.title === 'Status')?.value ?? '');

/**
 * Issue 10 item 10: a click is answered within the deadline (200 ms here instead of 2 s) even when
 * Sekoia.io is slow; the fake Mattermost gives up after its integration timeout (1.2 s here instead of
 * 30 s), so a bot that waits for Sekoia.io fails these tests.
 */
describe('Mattermost buttons answer within their deadline', () => {
  let world: MattermostWorld;

  afterEach(async () => {
    await world.close();
  });

  const start = async (mattermost: StartFakeMattermostOptions = {}) => {
    world = await startMattermostWorld({
      actionDeadlineMs: 200,
      mattermost: { outgoingTimeoutMs: 1_200, ...mattermost },
    });
    await world.command('subscribe alert-raised urgency>=high');
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(90) });
    await expect.poll(() => JSON.stringify(world.cardOf(alert.uuid)?.props ?? {})).toContain('"acknowledge"');
    return { alert, postId: world.cardOf(alert.uuid)?.id ?? '' };
  };
  const acknowledge = async (postId: string) => {
    const started = performance.now();
    const result = await world.mattermost.clickButton({
      postId,
      actionId: 'acknowledge',
      userId: world.alice.id,
    });
    return { result, tookMs: performance.now() - started };
  };
  const toldLater = () =>
    world.mattermost
      .ephemerals(world.alice.id)
      .filter((e) => e.source === 'rest')
      .map((e) => asRead(e.text))
      .join('\n');
  const failPatches = () => world.sekoia.failNext(5, 503, { match: (r) => r.method === 'PATCH' });

  it('acknowledges at once, then updates the card and tells the clicker privately when Sekoia.io answers', async () => {
    const { alert, postId } = await start({ botRoles: 'system_user system_admin' });
    world.sekoia.setLatency(600);
    const { result, tookMs } = await acknowledge(postId);
    expect(result.status).toBe(200);
    expect(result.ephemeralText).toBe(
      `Acknowledging ${alert.short_id}; the card will update when Sekoia.io answers.`,
    );
    expect(tookMs).toBeLessThan(1_200);
    await expect.poll(toldLater, { timeout: 10_000 }).toMatch(/acknowledged in Sekoia\.io/);
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
    await expect
      .poll(() => statusOf(world.mattermost.getPost(postId)), { timeout: 10_000 })
      .toContain('Acknowledged');
    expect(attachmentOf(world.mattermost.getPost(postId)).text).toMatch(/Acknowledged by .*alice/);
  });

  it('tells the clicker why when Sekoia.io fails after the deadline, and leaves the card as it was', async () => {
    const { alert, postId } = await start({ botRoles: 'system_user system_admin' });
    const before = JSON.stringify(world.mattermost.getPost(postId)?.props);
    world.sekoia.setLatency(600);
    failPatches();
    const { result } = await acknowledge(postId);
    expect(result.ephemeralText).toMatch(/^Acknowledging/);
    await expect.poll(toldLater, { timeout: 10_000 }).toMatch(/Could not acknowledge the alert: Sekoia\.io/);
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Pending');
    expect(JSON.stringify(world.mattermost.getPost(postId)?.props)).toBe(before);
  });

  it('says a late failure in the card thread, mentioning the clicker, when the bot may not post ephemerals', async () => {
    const { postId } = await start();
    world.sekoia.setLatency(600);
    failPatches();
    expect((await acknowledge(postId)).result.ephemeralText).toMatch(/^Acknowledging/);
    const thread = () =>
      world.mattermost
        .thread(postId)
        .map((p) => p.message)
        .join('\n');
    await expect.poll(thread, { timeout: 10_000 }).toMatch(/@alice Could not acknowledge/);
    expect(toldLater()).toBe('');
  });

  it('reports an accepted change as done although re-reading the alert fails', async () => {
    const { alert, postId } = await start();
    world.sekoia.failNext(10, 503, { match: (r) => r.method === 'GET' && r.path.endsWith(alert.uuid) });
    const { result } = await acknowledge(postId);
    expect(result.status).toBe(200);
    expect(result.ephemeralText).toMatch(new RegExp(`^${alert.short_id}: acknowledged in Sekoia\\.io`));
    expect(result.ephemeralText).not.toMatch(/Could not/);
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
  });
});
