import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { sekoiaEventSchema } from '../../src/ingress/sekoia-event-schema.ts';
import { FAKE_COMMUNITY_UUID, type FakeSekoia, startFakeSekoia } from '../fakes/fake-sekoia/index.ts';
import { startWebhookReceiver, type WebhookReceiver } from './start-webhook-receiver.ts';

const clock = createManualClock(Date.UTC(2026, 2, 2, 8, 15, 42, 113));
const HOOK_PATH = '/hooks/sekoia/s3cr3t-path';
let receiver: WebhookReceiver;
let fake: FakeSekoia;

beforeEach(async () => {
  receiver = await startWebhookReceiver();
  fake = await startFakeSekoia({ clock, webhookUrl: receiver.url(HOOK_PATH) });
});
afterEach(async () => {
  await fake.close();
  await receiver.close();
});

const METADATA = {
  version: 2,
  created_at: '2026-03-02T08:15:42.113000+00:00',
  community_uuid: FAKE_COMMUNITY_UUID,
  avatar_uuid: null,
  user_uuid: null,
  permissions: [],
};

describe('fake Sekoia.io: WebHooks of the other triggers', () => {
  it('notifies a new report as a content-proposal pointing at its UUID', async () => {
    const report = fake.addReport();
    fake.addReport({}, { notify: false });
    await fake.settleWebhooks();
    expect(receiver.received).toEqual([
      {
        path: HOOK_PATH,
        contentType: 'application/json',
        body: {
          type: 'content-proposal',
          action: 'created',
          attributes: { uuid: report.uuid },
          metadata: METADATA,
        },
      },
    ]);
    expect(fake.webhooks.map((delivery) => delivery.status)).toEqual([202]);
  });

  it('sends a playbook error with the playbook, the error and whether it crashed', async () => {
    const sent = fake.emitPlaybookError({
      playbookUuid: '8d2f6c1e-4a7b-4e90-b3d5-1c9e7f0a2b64',
      playbookName: 'Isolate host on critical alert',
      crashed: true,
    });
    fake.emitPlaybookError();
    await fake.settleWebhooks();
    const [first, second] = receiver.received.map((entry) => entry.body);
    expect(first).toEqual({ ...sent, metadata: METADATA });
    expect(first).toMatchObject({
      type: 'playbook',
      action: 'error',
      attributes: {
        uuid: '8d2f6c1e-4a7b-4e90-b3d5-1c9e7f0a2b64',
        name: 'Isolate host on critical alert',
        error: expect.any(String),
        crashed: true,
      },
    });
    expect(second).toMatchObject({ attributes: { crashed: false, name: expect.any(String) } });
  });

  it('finds new catalog rules by polling: no WebHook unless asked for one', async () => {
    fake.addCatalogRule();
    const announced = fake.addCatalogRule({}, { notify: true });
    await fake.settleWebhooks();
    expect(receiver.received.map((entry) => entry.body)).toMatchObject([
      { type: 'rule', action: 'created', attributes: { uuid: announced.uuid } },
    ]);
    expect(fake.listCatalogRules()).toHaveLength(2);
  });

  it('sends envelopes the bot ingress accepts', async () => {
    fake.addReport();
    fake.emitPlaybookError();
    fake.addCatalogRule({}, { notify: true });
    await fake.settleWebhooks();
    expect(receiver.received).toHaveLength(3);
    for (const { body } of receiver.received) expect(sekoiaEventSchema.safeParse(body).success).toBe(true);
  });
});
