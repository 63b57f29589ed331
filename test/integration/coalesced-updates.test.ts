import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';

interface Attachment {
  fields?: { title: string; value: string | number }[];
}
const field = (world: MattermostWorld, uuid: string, title: string) =>
  String(
    ((world.cardOf(uuid)?.props.attachments as Attachment[] | undefined) ?? [])[0]?.fields?.find(
      (f) => f.title === title,
    )?.value,
  );

describe('coalesced updates: a burst of notifications for one alert (real HTTP, fakes)', () => {
  let world: MattermostWorld;

  beforeEach(async () => {
    world = await startMattermostWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  const reads = (uuid: string) =>
    world.sekoia.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/alerts/${uuid}`)).length;
  const edits = (postId: string) =>
    world.mattermost.requests.filter(
      (r) => r.method === 'PUT' && r.path.startsWith(`/api/v4/posts/${postId}`),
    ).length;
  const notes = (postId: string) => world.mattermost.thread(postId).map((post) => post.message);
  const drained = async () => {
    await world.sekoia.settleWebhooks();
    await expect.poll(async () => (await world.bot.app.queue.stats()).pending, { timeout: 10_000 }).toBe(0);
  };

  const cardFor = async () => {
    expect(await world.command('subscribe alert-raised urgency>=high')).toMatch(/Rule \S+ created/);
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(80) });
    await drained();
    const postId = world.cardOf(alert.uuid)?.id ?? '';
    expect(postId).not.toBe('');
    return { alert, postId, readsBefore: reads(alert.uuid), editsBefore: edits(postId) };
  };

  it('50 rapid updates: at most 5 reads and 5 edits, the card ends in the final state', async () => {
    const { alert, postId, readsBefore, editsBefore } = await cardFor();
    for (let i = 0; i < 50; i += 1) world.sekoia.addOccurrence(alert.uuid, 1);
    await drained();
    const burstReads = reads(alert.uuid) - readsBefore;
    const burstEdits = edits(postId) - editsBefore;
    console.info(`50 updates: ${burstReads} Sekoia.io reads, ${burstEdits} card edits`);
    expect(field(world, alert.uuid, 'Occurrences')).toContain(String(alert.similar + 50));
    expect(burstReads).toBeLessThanOrEqual(5);
    expect(burstEdits).toBeLessThanOrEqual(5);
    expect(notes(postId)).toHaveLength(0);
  });

  it('two status changes in a burst: two thread notes, not one per notification', async () => {
    const { alert, postId, readsBefore, editsBefore } = await cardFor();
    for (let i = 0; i < 20; i += 1) world.sekoia.addOccurrence(alert.uuid, 1);
    world.sekoia.updateAlert(alert.uuid, { statusName: 'Acknowledged' });
    for (let i = 0; i < 4; i += 1) world.sekoia.addOccurrence(alert.uuid, 1);
    await drained();
    for (let i = 0; i < 20; i += 1) world.sekoia.addOccurrence(alert.uuid, 1);
    world.sekoia.updateAlert(alert.uuid, { statusName: 'Ongoing' });
    for (let i = 0; i < 4; i += 1) world.sekoia.addOccurrence(alert.uuid, 1);
    await drained();
    console.info(
      `50 updates, 2 status changes: ${reads(alert.uuid) - readsBefore} reads, ${edits(postId) - editsBefore} edits`,
    );
    expect(field(world, alert.uuid, 'Status')).toContain('Ongoing');
    expect(field(world, alert.uuid, 'Occurrences')).toContain(String(alert.similar + 48));
    const thread = notes(postId);
    expect(thread).toHaveLength(2);
    expect(thread[0]).toMatch(/Pending.*Acknowledged/);
    expect(thread[1]).toMatch(/Acknowledged.*Ongoing/);
    expect(reads(alert.uuid) - readsBefore).toBeLessThanOrEqual(10);
    expect(edits(postId) - editsBefore).toBeLessThanOrEqual(10);
  });
});
