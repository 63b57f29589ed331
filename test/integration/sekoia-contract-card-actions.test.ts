import { afterEach, describe, expect, it } from 'vitest';
import { ALERT_STATUSES, WORKFLOW_ACTIONS } from '../../src/sekoia/workflow-constants.ts';
import { alertUrgency, type FakeSekoia } from '../fakes/fake-sekoia/index.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';
import { cardContent, startTeamsWorld, type TeamsWorld } from './start-teams-world.ts';

const commentsOf = (sekoia: FakeSekoia, uuid: string) =>
  (sekoia.getAlert(uuid)?.comments ?? []).map((comment) => ({
    author: comment.author,
    content: comment.content,
  }));

describe('card buttons within what Sekoia.io really accepts (Mattermost)', () => {
  let world: MattermostWorld;
  afterEach(() => world.close());

  const postedCard = async () => {
    await world.command('subscribe alert-raised urgency>=high');
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(90) });
    await expect.poll(() => JSON.stringify(world.cardOf(alert.uuid)?.props ?? {})).toContain('"comment"');
    return { alert, postId: world.cardOf(alert.uuid)?.id ?? '' };
  };

  it('comments as a user with a long username: the author fits 32 characters, the text is signed in full', async () => {
    world = await startMattermostWorld();
    // Mattermost usernames go up to 22 characters: "Mattermost: " + 22 is 34.
    const night = world.mattermost.addUser({ username: 'security.analyst-night' });
    world.mattermost.addMember(world.channelId, night.id);
    const { alert, postId } = await postedCard();
    await world.mattermost.clickButton({ postId, actionId: 'comment', userId: night.id });
    const done = await world.mattermost.submitDialog({
      dialogIndexOrId: 0,
      userId: night.id,
      submission: { comment: 'Isolated WS-114' },
    });
    expect(done.closed).toBe(true);
    expect(commentsOf(world.sekoia, alert.uuid)).toEqual([
      {
        author: 'Mattermost: security.analyst-ni…',
        content: 'Isolated WS-114\n\n— Mattermost: security.analyst-night',
      },
    ]);
    expect(commentsOf(world.sekoia, alert.uuid)[0]?.author).toHaveLength(32);
  });

  it('acknowledges with the standard workflow when Sekoia.io refuses GET …/workflow', async () => {
    world = await startMattermostWorld();
    world.sekoia.refuseWorkflowGet(403);
    const { alert, postId } = await postedCard();
    expect(JSON.stringify(world.cardOf(alert.uuid)?.props)).toContain('"acknowledge"');
    const click = await world.mattermost.clickButton({
      postId,
      actionId: 'acknowledge',
      userId: world.alice.id,
    });
    expect(click.status).toBe(200);
    await expect
      .poll(() => world.sekoia.getAlert(alert.uuid)?.status.uuid)
      .toBe(ALERT_STATUSES.acknowledged.uuid);
    const patch = world.sekoia.requests.find((request) => request.method === 'PATCH');
    expect(patch?.body).toMatchObject({ action_uuid: WORKFLOW_ACTIONS.acknowledge.id });
    // The card follows: Acknowledged offers Validate and Reject, no longer Acknowledge.
    await expect
      .poll(() => JSON.stringify(world.mattermost.getPost(postId)?.props))
      .not.toContain('"acknowledge"');
    expect(JSON.stringify(world.mattermost.getPost(postId)?.props)).toContain('"validate"');
  });
});

describe('card buttons within what Sekoia.io really accepts (Teams)', () => {
  let world: TeamsWorld;
  afterEach(() => world.close());

  it('comments as a user with a long display name: the author fits 32 characters, the text is signed in full', async () => {
    world = await startTeamsWorld();
    const name = 'Anastasia Konstantinopoulou-Vandenberghe 🛡️ (SOC)';
    const anastasia = world.connector.addUser({ name });
    await world.command('subscribe alert-raised urgency>=high');
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(90) });
    await expect
      .poll(() => JSON.stringify(cardContent(world.cardOf(alert.short_id)) ?? {}))
      .toContain('alert.comment');
    const result = await world.connector.sendInvoke({
      botUrl: `${world.bot.url}/api/messages`,
      from: anastasia.id,
      activityId: world.cardOf(alert.short_id)?.id ?? '',
      verb: 'alert.comment',
      data: { comment: 'Host isolated' },
    });
    expect(result.body).toMatchObject({ statusCode: 200 });
    expect(commentsOf(world.sekoia, alert.uuid)).toEqual([
      {
        author: 'Teams: Anastasia Konstantinopou…',
        content: `Host isolated\n\n— Microsoft Teams: ${name}`,
      },
    ]);
  });
});
