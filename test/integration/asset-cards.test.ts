import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakePost } from '../fakes/fake-mattermost/index.ts';
import { buildAlert, type FakeSekoia } from '../fakes/fake-sekoia/index.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';
import { cardContent, startTeamsWorld, type TeamsWorld } from './start-teams-world.ts';

interface Attachment {
  fields?: { title: string; value: string | number }[];
}

/** A card field as a user reads it: Mattermost's markdown escapes removed. */
const fieldOf = (post: FakePost | undefined, title: string) =>
  String(
    ((post?.props.attachments as Attachment[] | undefined) ?? [])[0]?.fields?.find((f) => f.title === title)
      ?.value ?? '',
  ).replaceAll('\\', '');
// null stands for "no criticity": the fake's type wants a number, a lenient read must survive null.
const criticity = (value: number | null) => ({ ...buildAlert().urgency, criticity: value as number });
const assetReads = (sekoia: FakeSekoia) =>
  sekoia.requests.filter((r) => r.path.startsWith('/v2/asset-management/assets/'));

/** Two assets in the fake Sekoia.io: a database server and a workstation. */
function addAssets(sekoia: FakeSekoia) {
  const server = sekoia.addAsset({ name: 'srv-db-01', criticality: 80 });
  const workstation = sekoia.addAsset({ name: 'ws-12', type: 'host', criticality: 30 });
  return { server, workstation };
}

describe('asset names and criticality on Mattermost cards (real HTTP)', () => {
  let world: MattermostWorld;

  beforeEach(async () => {
    world = await startMattermostWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  const subscribe = async (conditions: string) => {
    const answer = await world.command(`subscribe alert-raised ${conditions}`);
    expect(answer).toMatch(/Rule \S+ created/);
  };

  it('shows the assets by name with their criticality, and keeps them after a button click', async () => {
    const { server, workstation } = addAssets(world.sekoia);
    await subscribe('urgency>=0');
    const alert = world.sekoia.addAlert({ assets: [server.uuid, workstation.uuid] });
    await expect
      .poll(() => fieldOf(world.cardOf(alert.uuid), 'Assets'))
      .toBe('srv-db-01 (criticality 80), ws-12 (criticality 30)');
    expect(JSON.stringify(world.cardOf(alert.uuid)?.props)).not.toContain(server.uuid);
    // A new card is posted, then patched with its buttons: click once they are there.
    await expect.poll(() => JSON.stringify(world.cardOf(alert.uuid)?.props ?? {})).toContain('"acknowledge"');

    // The card is re-read after the click (actions/reread-alert.ts): the names must survive it.
    // No WebHook this time, so that only the re-read can update the card.
    world.sekoia.setWebhookUrl(undefined);
    await world.mattermost.clickButton({
      postId: world.cardOf(alert.uuid)?.id ?? '',
      actionId: 'acknowledge',
      userId: world.alice.id,
    });
    await expect
      .poll(() => fieldOf(world.cardOf(alert.uuid), 'Status'), { timeout: 10_000 })
      .toContain('Acknowledged');
    expect(fieldOf(world.cardOf(alert.uuid), 'Assets')).toBe(
      'srv-db-01 (criticality 80), ws-12 (criticality 30)',
    );
  });

  it('matches criticality>=70 on the alert urgency.criticity: 80 posts a card, 40 does not', async () => {
    await subscribe('criticality>=70');
    const critical = world.sekoia.addAlert({ urgency: criticity(80), assets: [] });
    const minor = world.sekoia.addAlert({ urgency: criticity(40), assets: [] });
    await expect.poll(() => world.cardOf(critical.uuid)).toBeDefined();
    await expect.poll(async () => (await world.bot.app.queue.stats()).pending).toBe(0);
    await world.bot.app.worker.runDue();
    expect(world.cardOf(minor.uuid)).toBeUndefined();
    expect(world.cards()).toHaveLength(1);
  });

  it('without a criticity, matches criticality on the most critical of the named assets', async () => {
    const { server, workstation } = addAssets(world.sekoia);
    await subscribe('criticality>=70');
    const onServer = world.sekoia.addAlert({
      urgency: criticity(null),
      assets: [workstation.uuid, server.uuid],
    });
    const onDesk = world.sekoia.addAlert({ urgency: criticity(null), assets: [workstation.uuid] });
    await expect.poll(() => world.cardOf(onServer.uuid)).toBeDefined();
    await expect.poll(async () => (await world.bot.app.queue.stats()).pending).toBe(0);
    expect(world.cardOf(onDesk.uuid)).toBeUndefined();
  });

  it('reads an asset once for a storm of 50 alerts on it, and matches asset= on its name', async () => {
    const { server } = addAssets(world.sekoia);
    await subscribe('asset="srv-db-01"');
    // Every alert gets its card here: the budget's roll-up is tested in storm-rollup.test.ts.
    expect(await world.command('storm off')).toContain('Storm budget off');
    const alerts = Array.from({ length: 50 }, () => world.sekoia.addAlert({ assets: [server.uuid] }));
    world.sekoia.addAlert({ assets: [] });
    await world.sekoia.settleWebhooks();
    await expect.poll(() => world.cards().length, { timeout: 30_000 }).toBe(50);
    await expect.poll(async () => (await world.bot.app.queue.stats()).pending).toBe(0);
    expect(assetReads(world.sekoia)).toHaveLength(1);
    expect(fieldOf(world.cardOf(alerts[49]?.uuid ?? ''), 'Assets')).toBe('srv-db-01 (criticality 80)');
  });

  it('still posts the card, with the asset UUID, when the asset API is down', async () => {
    const { server } = addAssets(world.sekoia);
    world.sekoia.failNext(100, 503, { match: (r) => r.path.includes('/asset-management/') });
    await subscribe('urgency>=0');
    const alert = world.sekoia.addAlert({ assets: [server.uuid] });
    await expect.poll(() => fieldOf(world.cardOf(alert.uuid), 'Assets')).toBe(server.uuid);
    expect(fieldOf(world.cardOf(alert.uuid), 'Status')).toContain('Pending');
    expect(assetReads(world.sekoia).length).toBeGreaterThan(0);
  });
});

describe('asset names and criticality on Teams cards (real HTTP)', () => {
  let world: TeamsWorld;

  beforeEach(async () => {
    world = await startTeamsWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('shows the assets by name with their criticality', async () => {
    const { server, workstation } = addAssets(world.sekoia);
    const replies = await world.command('subscribe alert-raised urgency>=0');
    expect(JSON.stringify(replies.map((r) => r.activity))).toMatch(/Rule \w+ created/);
    const alert = world.sekoia.addAlert({ assets: [server.uuid, workstation.uuid] });
    const assetsFact = () => {
      const body = (cardContent(world.cardOf(alert.short_id))?.body ?? []) as { facts?: unknown[] }[];
      const facts = (body.find((element) => element.facts)?.facts ?? []) as {
        title: string;
        value: string;
      }[];
      return facts.find((fact) => fact.title === 'Assets')?.value;
    };
    await expect.poll(assetsFact).toBe('srv-db-01 (criticality 80), ws-12 (criticality 30)');
    expect(JSON.stringify(cardContent(world.cardOf(alert.short_id)))).not.toContain(workstation.uuid);
  });
});
