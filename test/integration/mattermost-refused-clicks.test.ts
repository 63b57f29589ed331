import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_GRANT_TTL_MS } from '../../src/actions/create-action-signer.ts';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';

/**
 * Issue 10 item 7: Mattermost shows the bot's `ephemeral_text` and dialog `error` only from a 200
 * answer (DoActionRequest, server/channels/app/integration_action.go). A refused click, here a
 * button older than its grant, must still tell the clicker why, through the real server behaviour
 * the fake reproduces, and change nothing.
 */
describe('refused Mattermost clicks and dialogs are explained to the user', () => {
  let world: MattermostWorld;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = createManualClock(Date.now());
    world = await startMattermostWorld({ clock });
  });
  afterEach(async () => {
    await world.close();
  });

  const postedCard = async () => {
    await world.command('subscribe alert-raised urgency>=high');
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(90) });
    await expect.poll(() => JSON.stringify(world.cardOf(alert.uuid)?.props ?? {})).toContain('"acknowledge"');
    return { alert, postId: world.cardOf(alert.uuid)?.id ?? '' };
  };
  const changes = () => world.sekoia.requests.filter((r) => r.method !== 'GET');

  it('shows an expired button’s refusal to the clicker and changes nothing', async () => {
    const { alert, postId } = await postedCard();
    const before = JSON.stringify(world.mattermost.getPost(postId)?.props);
    clock.advance(DEFAULT_GRANT_TTL_MS + 1_000);
    const click = await world.mattermost.clickButton({
      postId,
      actionId: 'acknowledge',
      userId: world.alice.id,
    });
    expect(click).toMatchObject({ status: 200, botStatus: 200 });
    expect(click.ephemeralText).toMatch(/not valid here .*expired.*nothing was changed/);
    expect(world.mattermost.ephemerals(world.alice.id).at(-1)).toMatchObject({
      rootId: postId,
      source: 'action',
    });
    expect(changes()).toHaveLength(0);
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Pending');
    expect(JSON.stringify(world.mattermost.getPost(postId)?.props)).toBe(before);
  });

  it('shows an expired comment dialog’s refusal in the dialog and adds no comment', async () => {
    const { alert, postId } = await postedCard();
    await world.mattermost.clickButton({ postId, actionId: 'comment', userId: world.alice.id });
    clock.advance(DEFAULT_GRANT_TTL_MS + 1_000);
    const submitted = await world.mattermost.submitDialog({
      dialogIndexOrId: 0,
      userId: world.alice.id,
      submission: { comment: 'Isolated WS-114' },
    });
    expect(submitted).toMatchObject({ status: 200, closed: false });
    expect(submitted.error).toMatch(/not valid here .*nothing was changed/);
    expect(changes()).toHaveLength(0);
    expect(world.sekoia.getAlert(alert.uuid)?.comments).toHaveLength(0);
  });
});
