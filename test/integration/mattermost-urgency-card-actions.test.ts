import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertUrgency, BOT_PERMISSIONS } from '../fakes/fake-sekoia/index.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';

describe('Change urgency from a Mattermost card', () => {
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
    await expect.poll(() => JSON.stringify(world.cardOf(alert.uuid)?.props ?? {})).toContain('"urgency"');
    return { alert, postId: world.cardOf(alert.uuid)?.id ?? '' };
  };

  const openDialog = async (postId: string) => {
    const click = await world.mattermost.clickButton({ postId, actionId: 'urgency', userId: world.alice.id });
    expect(click.status).toBe(200);
    const dialog = world.mattermost.dialogs().at(-1);
    expect(dialog?.dialog).toMatchObject({ callback_id: 'sekoia_urgency' });
    return dialog;
  };

  const submit = (submission: Record<string, unknown>) =>
    world.mattermost.submitDialog({ dialogIndexOrId: -1, userId: world.alice.id, submission });

  const edits = () => world.sekoia.requests.filter((r) => r.method !== 'GET');

  it('sets the urgency with a reason: Sekoia.io has it and the comment, the card shows it, the thread says so', async () => {
    world.sekoia.setPermissions(world.sekoia.apiKey, [...BOT_PERMISSIONS, 'SIC_WRITE_ALERTS']);
    const { alert, postId } = await postedCard();
    // No notification from Sekoia.io: the cards follow from the click itself.
    world.sekoia.setWebhookUrl(undefined);
    await openDialog(postId);
    const done = await submit({ urgency: '40', reason: 'Known scanner, @all relax' });
    expect(done.closed).toBe(true);
    const stored = world.sekoia.getAlert(alert.uuid);
    expect(stored?.urgency.current_value).toBe(40);
    expect(stored?.comments.map((c) => [c.content, c.author])).toEqual([
      [
        'Urgency changed from 90 to 40 from Mattermost by @alice: Known scanner, @all relax',
        'Mattermost: alice',
      ],
    ]);
    await expect.poll(() => JSON.stringify(world.mattermost.getPost(postId)?.props)).toContain('40 (low)');
    await expect
      .poll(() => world.mattermost.thread(postId).at(-1)?.message ?? '')
      .toMatch(/^Urgency of AL\w+: 90 → 40 by alice: Known scanner, /);
    expect(world.mattermost.thread(postId).at(-1)?.message).not.toMatch(/(^|[^\u2060])@all/);
  });

  it.each([
    [{ urgency: '101', reason: 'r' }, 'urgency', /0 to 100/],
    [{ urgency: '7.5', reason: 'r' }, 'urgency', /whole number/],
    [{ urgency: '50', reason: '   ' }, 'reason', /1 to 2000/],
  ])(
    'refuses %j under the field, keeps the dialog open, sends nothing',
    async (submission, field, message) => {
      world.sekoia.setPermissions(world.sekoia.apiKey, [...BOT_PERMISSIONS, 'SIC_WRITE_ALERTS']);
      const { alert, postId } = await postedCard();
      const before = JSON.stringify(world.mattermost.getPost(postId)?.props);
      await openDialog(postId);
      const refused = await submit(submission);
      expect(refused.closed).toBe(false);
      expect(refused.errors?.[field]).toMatch(message);
      expect(edits()).toEqual([]);
      expect(world.sekoia.getAlert(alert.uuid)?.urgency.current_value).toBe(90);
      expect(JSON.stringify(world.mattermost.getPost(postId)?.props)).toBe(before);
    },
  );

  it('tells the clicker why when the bot’s key may not edit alerts, and leaves the card as it was', async () => {
    const { alert, postId } = await postedCard();
    const before = JSON.stringify(world.mattermost.getPost(postId)?.props);
    const threadBefore = world.mattermost.thread(postId).length;
    await openDialog(postId);
    const refused = await submit({ urgency: '20', reason: 'false positive' });
    expect(refused.closed).toBe(false);
    expect(refused.error).toMatch(/Could not change the urgency: .*API key is not allowed/);
    expect(world.sekoia.getAlert(alert.uuid)?.urgency.current_value).toBe(90);
    expect(world.sekoia.getAlert(alert.uuid)?.comments).toEqual([]);
    expect(JSON.stringify(world.mattermost.getPost(postId)?.props)).toBe(before);
    expect(world.mattermost.thread(postId)).toHaveLength(threadBefore);
  });
});
