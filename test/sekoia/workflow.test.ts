import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { ALERT_STATUSES, WORKFLOW_ACTIONS } from '../../src/sekoia/workflow-constants.ts';
import type { SekoiaHarness } from './start-sekoia-harness.ts';
import { startSekoiaHarness } from './start-sekoia-harness.ts';

let harness: SekoiaHarness;
const clock = createManualClock(Date.UTC(2026, 2, 2, 9, 0, 0));

beforeEach(async () => {
  harness = await startSekoiaHarness({ fake: { clock } });
});
afterEach(() => harness.close());

const names = (actions: { name: string }[]) => actions.map((action) => action.name);

describe('getWorkflow', () => {
  it.each([
    ['Pending', ['Acknowledge', 'Validate', 'Reject']],
    ['Acknowledged', ['Validate', 'Reject']],
    ['Ongoing', ['Reject', 'Close']],
    ['Rejected', []],
    ['Closed', []],
  ] as const)('offers only the transitions allowed from %s', async (statusName, expected) => {
    const alert = harness.fake.addAlert({ statusName });
    const actions = await harness.client.getWorkflow(alert.uuid);
    expect(names(actions)).toEqual(expected);
  });

  it.each([403, 404, 405] as const)(
    'can be refused (%i) by the fake, as by a key or workspace without it, while PATCH still works',
    async (status) => {
      const alert = harness.fake.addAlert();
      harness.fake.refuseWorkflowGet(status);
      await expect(harness.client.getWorkflow(alert.uuid)).rejects.toMatchObject({ details: { status } });
      await harness.client.patchWorkflow(alert.uuid, { actionUuid: WORKFLOW_ACTIONS.acknowledge.id });
      expect(harness.fake.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
      harness.fake.refuseWorkflowGet(undefined);
      expect(names(await harness.client.getWorkflow(alert.uuid))).toEqual(['Validate', 'Reject']);
    },
  );

  it('gives the action ids the constants fall back to', async () => {
    const alert = harness.fake.addAlert();
    const actions = await harness.client.getWorkflow(alert.short_id);
    expect(actions.map((action) => action.id)).toEqual([
      WORKFLOW_ACTIONS.acknowledge.id,
      WORKFLOW_ACTIONS.validate.id,
      WORKFLOW_ACTIONS.reject.id,
    ]);
  });
});

describe('patchWorkflow', () => {
  it('performs an action by its id, with the comment recorded in history and comments', async () => {
    const alert = harness.fake.addAlert();
    clock.advance(60_000);
    const comment = 'Acknowledged from Mattermost by @alice';
    await harness.client.patchWorkflow(alert.uuid, { actionUuid: WORKFLOW_ACTIONS.acknowledge.id, comment });
    expect(harness.fake.requests[0]?.body).toEqual({ action_uuid: WORKFLOW_ACTIONS.acknowledge.id, comment });
    const after = await harness.client.getAlert(alert.uuid);
    expect(after.status).toMatchObject({ uuid: ALERT_STATUSES.acknowledged.uuid, name: 'Acknowledged' });
    expect(after.updated_at).toBe(Math.floor(clock.now() / 1000));
    expect(after.comments?.map((entry) => entry.content)).toEqual([comment]);
    expect(after.history?.at(-1)).toMatchObject({
      entry_type: 'alert',
      alert: { status: 'Acknowledged', previous_status: 'Pending' },
      history_comments: [{ content: comment }],
    });
    expect(names(await harness.client.getWorkflow(alert.uuid))).toEqual(['Validate', 'Reject']);
  });

  it('accepts the target status UUID in place of the action id', async () => {
    const alert = harness.fake.addAlert({ statusName: 'Acknowledged' });
    await harness.client.patchWorkflow(alert.short_id, { actionUuid: ALERT_STATUSES.ongoing.uuid });
    expect(harness.fake.requests[0]?.body).toEqual({ action_uuid: ALERT_STATUSES.ongoing.uuid });
    expect(harness.fake.getAlert(alert.uuid)?.status.name).toBe('Ongoing');
  });

  it('refuses a transition the workflow does not allow, changing nothing', async () => {
    const alert = harness.fake.addAlert({ statusName: 'Closed' });
    const before = harness.fake.getAlert(alert.uuid);
    const attempt = harness.client.patchWorkflow(alert.uuid, {
      actionUuid: WORKFLOW_ACTIONS.acknowledge.id,
      comment: 'should not be stored',
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'sekoia_rejected',
      retryable: false,
      details: { status: 400, sekoiaMessage: 'Transition not allowed from status Closed' },
    });
    expect(harness.fake.getAlert(alert.uuid)).toEqual(before);
    expect(harness.fake.requests).toHaveLength(1);
  });
});

describe('postComment', () => {
  it('posts a comment with a free-text author and returns it', async () => {
    const alert = harness.fake.addAlert();
    const comment = await harness.client.postComment(alert.uuid, {
      content: 'Looking into it.',
      author: 'Teams: bob',
    });
    expect(comment).toMatchObject({
      content: 'Looking into it.',
      author: 'Teams: bob',
      date: Math.floor(clock.now() / 1000),
      created_by_type: 'apikey',
    });
    expect(harness.fake.requests[0]).toMatchObject({
      method: 'POST',
      body: { content: 'Looking into it.', author: 'Teams: bob' },
    });
    expect(harness.fake.requests[0]?.headers['content-type']).toBe('application/json');
    expect(harness.fake.getAlert(alert.uuid)?.comments).toHaveLength(1);
  });

  it('refuses an author over 32 characters with 400, as Sekoia.io does, storing nothing', async () => {
    const alert = harness.fake.addAlert();
    const author = 'Microsoft Teams: Ana Analyst-Long';
    expect(author).toHaveLength(33);
    await expect(harness.client.postComment(alert.uuid, { content: 'x', author })).rejects.toMatchObject({
      code: 'sekoia_rejected',
      details: { status: 400, sekoiaMessage: 'author: Longer than maximum length 32.' },
    });
    // 32 code points pass, whatever their UTF-16 length.
    await harness.client.postComment(alert.uuid, { content: 'y', author: '😀'.repeat(32) });
    expect(harness.fake.getAlert(alert.uuid)?.comments?.map((entry) => entry.content)).toEqual(['y']);
  });

  it('shows the API key as author when none is given', async () => {
    const alert = harness.fake.addAlert();
    const comment = await harness.client.postComment(alert.uuid, { content: 'No author' });
    expect(comment.author).toMatch(/^apikey:[0-9a-f-]{36}$/);
  });

  it('reports the 500-comment cap as sekoia_rejected', async () => {
    const full = Array.from({ length: 500 }, (_, index) => ({
      uuid: `c-${index}`,
      content: 'x',
      author: 'someone',
      date: 0,
      created_by: 'u',
      created_by_type: 'user',
      unseen: false,
    }));
    const alert = harness.fake.addAlert({ comments: full });
    await expect(harness.client.postComment(alert.uuid, { content: 'one more' })).rejects.toMatchObject({
      code: 'sekoia_rejected',
      details: { status: 400 },
    });
  });
});
