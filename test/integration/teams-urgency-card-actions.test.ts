import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOT_PERMISSIONS } from '../fakes/fake-sekoia/index.ts';
import {
  activityTexts,
  cardContent,
  postHighUrgencyCard,
  startTeamsWorld,
  type TeamsWorld,
} from './start-teams-world.ts';

describe('Change urgency from a Teams card', () => {
  let world: TeamsWorld;
  let botUrl: string;

  beforeEach(async () => {
    world = await startTeamsWorld();
    botUrl = world.messagesUrl;
  });
  afterEach(async () => {
    await world.close();
  });

  /** A Pending alert: three transitions, Comment, Change urgency and Mute do not all fit in 6 actions. */
  const postedCard = () => postHighUrgencyCard(world, 'alert.urgency');

  const change = (messageId: string, data: Record<string, unknown>) =>
    world.connector.sendInvoke({
      botUrl,
      from: world.ana.id,
      activityId: messageId,
      verb: 'alert.urgency',
      data,
    });

  const shared = (messageId: string) => JSON.stringify(world.connector.getMessage(messageId)?.activity);
  const edits = () => world.sekoia.requests.filter((r) => r.method !== 'GET');

  it('keeps to 6 actions on a Pending card, Change urgency under More…', async () => {
    const { alert } = await postedCard();
    const content = cardContent(world.cardOf(alert.short_id)) as { actions: { id: string }[] };
    expect(content.actions.map((action) => action.id)).toEqual([
      'acknowledge',
      'validate',
      'reject',
      'addComment',
      'more',
      'open',
    ]);
  });

  it('sets the urgency with a reason: Sekoia.io has it and the comment, the card shows it, the thread says so', async () => {
    world.sekoia.setPermissions(world.sekoia.apiKey, [...BOT_PERMISSIONS, 'SIC_WRITE_ALERTS']);
    const { alert, messageId } = await postedCard();
    // No notification from Sekoia.io: the cards follow from the click itself.
    world.sekoia.setWebhookUrl(undefined);
    // Teams sends the inputs' values as text, by their ids (render-urgency-form.ts).
    const done = await change(messageId, { urgency: '40', reason: 'Known scanner' });
    expect(done.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(done.body)).toContain('Urgency 40 (low)');
    const stored = world.sekoia.getAlert(alert.uuid);
    expect(stored?.urgency.current_value).toBe(40);
    expect(stored?.comments.map((c) => [c.content, c.author])).toEqual([
      [
        'Urgency changed from 90 to 40 from Microsoft Teams by @Ana Analyst: Known scanner',
        'Microsoft Teams: Ana Analyst',
      ],
    ]);
    await expect.poll(() => shared(messageId)).toContain('Urgency 40 (low)');
    expect(activityTexts(world.connector.thread(messageId))).toMatch(
      /Urgency of AL\w+: 90 → 40 by Ana Analyst: Known scanner/,
    );
  });

  it.each([
    [{ urgency: '250', reason: 'r' }, /whole number from 0 to 100/],
    [{ urgency: '', reason: 'r' }, /whole number from 0 to 100/],
    [{ urgency: '30', reason: '' }, /1 to 2000 characters/],
  ])('refuses %j with an error card and sends nothing', async (data, message) => {
    world.sekoia.setPermissions(world.sekoia.apiKey, [...BOT_PERMISSIONS, 'SIC_WRITE_ALERTS']);
    const { alert, messageId } = await postedCard();
    const before = shared(messageId);
    const refused = await change(messageId, data);
    expect(refused.body).toMatchObject({ statusCode: 200 });
    expect(JSON.stringify(refused.body)).toMatch(message);
    expect(edits()).toEqual([]);
    expect(world.sekoia.getAlert(alert.uuid)?.urgency.current_value).toBe(90);
    expect(shared(messageId)).toBe(before);
  });

  it('tells the clicker why when the bot’s key may not edit alerts, and leaves the shared card as it was', async () => {
    const { alert, messageId } = await postedCard();
    const before = shared(messageId);
    const refused = await change(messageId, { urgency: '20', reason: 'false positive' });
    expect(JSON.stringify(refused.body)).toMatch(/Could not change the urgency: .*API key is not allowed/);
    expect(world.sekoia.getAlert(alert.uuid)?.urgency.current_value).toBe(90);
    expect(world.sekoia.getAlert(alert.uuid)?.comments).toEqual([]);
    expect(shared(messageId)).toBe(before);
    expect(world.connector.thread(messageId)).toEqual([]);
  });
});
