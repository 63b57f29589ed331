import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import { type CapturedLog, captureLog } from '../storage/capture-log.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';

const ALICE_KEY = 'alice-personal-key-7d2f9c41b8e0a6';
const READER_KEY = 'alice-reader-key-55e1c0ffee9a3b';

/** Issue 14 point 2: a linked Mattermost user's card actions reach Sekoia.io with their own key. */
describe('linked identities on Mattermost', () => {
  let world: MattermostWorld;
  let captured: CapturedLog;

  beforeEach(async () => {
    captured = captureLog();
    world = await startMattermostWorld({
      log: captured.log,
      env: { IDENTITY_ENCRYPTION_KEY: randomBytes(32).toString('base64') },
    });
    world.sekoia.addApiKey({ key: ALICE_KEY, name: 'Alice Martin', email: 'alice@example.com' });
    // Sekoia.io's own rights: this key may read alerts and comment, not change their status.
    world.sekoia.addApiKey({
      key: READER_KEY,
      name: 'Alice (read only)',
      permissions: ['SIC_READ_ALERTS', 'SIC_WRITE_ALERTS_COMMENTS'],
    });
  });
  afterEach(async () => {
    await world.close();
  });

  const link = async (key: string) => {
    const answer = await world.command('link');
    expect(answer).toMatch(/dialog/);
    const dialog = world.mattermost.dialogs().at(-1);
    expect(dialog?.dialog.elements).toEqual([expect.objectContaining({ type: 'text', subtype: 'password' })]);
    return world.mattermost.submitDialog({
      dialogIndexOrId: -1,
      userId: world.alice.id,
      submission: { api_key: key },
    });
  };
  const postedCard = async () => {
    await world.command('subscribe alert-raised urgency>=high');
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(90) });
    await expect.poll(() => JSON.stringify(world.cardOf(alert.uuid)?.props ?? {})).toContain('"acknowledge"');
    return { alert, postId: world.cardOf(alert.uuid)?.id ?? '' };
  };
  const changes = () => world.sekoia.requests.filter((r) => r.method !== 'GET');
  const keyOf = (r: { headers: Record<string, unknown> }) => String(r.headers.authorization);

  it('links through the dialog, acts with the user’s key, then with the bot’s after unlink', async () => {
    const submitted = await link(ALICE_KEY);
    expect(submitted).toMatchObject({ status: 200, closed: true });
    expect(world.mattermost.ephemerals(world.alice.id).at(-1)?.text).toMatch(
      /Linked to Sekoia\.io as Alice Martin/,
    );
    expect(await world.command('link status')).toMatch(/linked to Sekoia.*as Alice Martin/);
    const { alert, postId } = await postedCard();
    const click = await world.mattermost.clickButton({
      postId,
      actionId: 'acknowledge',
      userId: world.alice.id,
    });
    expect(click.status).toBe(200);
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
    expect(changes().map(keyOf)).toEqual([`Bearer ${ALICE_KEY}`]);

    expect(await world.command('unlink')).toMatch(/Unlinked/);
    world.sekoia.clearRequests();
    const again = world.sekoia.addAlert({ urgency: alertUrgency(95) });
    await expect.poll(() => JSON.stringify(world.cardOf(again.uuid)?.props ?? {})).toContain('"acknowledge"');
    const card = world.cardOf(again.uuid)?.id ?? '';
    await world.mattermost.clickButton({ postId: card, actionId: 'acknowledge', userId: world.alice.id });
    expect(world.sekoia.getAlert(again.uuid)?.status.name).toBe('Acknowledged');
    expect(changes().map(keyOf)).toEqual([`Bearer ${world.sekoia.apiKey}`]);
    // The key never reaches a log line.
    expect(captured.lines.join('\n')).not.toContain(ALICE_KEY);
  });

  it('refuses a linked user’s click their Sekoia.io rights do not allow, with no fall back to the bot’s key', async () => {
    expect(await link(READER_KEY)).toMatchObject({ status: 200, closed: true });
    const { alert, postId } = await postedCard();
    const before = JSON.stringify(world.mattermost.getPost(postId)?.props);
    world.sekoia.clearRequests();
    const click = await world.mattermost.clickButton({
      postId,
      actionId: 'acknowledge',
      userId: world.alice.id,
    });
    expect(click.ephemeralText).toMatch(/your Sekoia\.io account lacks the permission/);
    expect(changes().map(keyOf)).toEqual([`Bearer ${READER_KEY}`]);
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Pending');
    expect(JSON.stringify(world.mattermost.getPost(postId)?.props)).toBe(before);
    expect(captured.lines.join('\n')).not.toContain(READER_KEY);
  });

  it('shows a refused key under the field and stores nothing', async () => {
    const submitted = await link('not-a-key-sekoia-knows-123');
    expect(submitted).toMatchObject({ status: 200, closed: false });
    expect(submitted.errors?.api_key).toMatch(/did not accept this key/);
    expect(await world.command('link status')).toMatch(/not linked/);
  });

  it('refuses a submission whose ticket was not issued to the submitter', async () => {
    await world.command('link');
    const dialog = world.mattermost.dialogs().at(-1);
    const response = await fetch(`${world.bot.url}/mattermost/dialogs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'dialog_submission',
        callback_id: 'sekoia_link',
        state: dialog?.dialog.state,
        user_id: 'someoneelse0000000000000000',
        channel_id: world.channelId,
        submission: { api_key: ALICE_KEY },
      }),
    });
    expect(await response.json()).toMatchObject({ error: expect.stringMatching(/not valid/) });
    expect(world.sekoia.requests.filter((r) => r.path.endsWith('/me'))).toHaveLength(0);
  });
});

describe('link on Mattermost with linking off', () => {
  it('answers how to turn it on, and opens no dialog', async () => {
    const world = await startMattermostWorld();
    try {
      expect(await world.command('link')).toMatch(/Linking is off.*IDENTITY\\_ENCRYPTION\\_KEY/);
      expect(world.mattermost.dialogs()).toHaveLength(0);
    } finally {
      await world.close();
    }
  });
});
