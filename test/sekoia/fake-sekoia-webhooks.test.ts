import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { buildAlertWebhook, type FakeSekoia, startFakeSekoia } from '../fakes/fake-sekoia/index.ts';

const clock = createManualClock(Date.UTC(2026, 2, 2, 8, 15, 42, 113));
let receiver: Server;
let received: { path: string; body: unknown }[];
let fake: FakeSekoia;

beforeEach(async () => {
  received = [];
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      response.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;
  fake = await startFakeSekoia({ clock, webhookUrl: `http://127.0.0.1:${port}/hooks/sekoia/s3cr3t-path` });
});
afterEach(async () => {
  await fake.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/sekoia/${name}`, import.meta.url), 'utf8')) as unknown;

describe('fake Sekoia.io: WebHook notifications', () => {
  it('builds exactly the payloads of the reference examples', () => {
    const alert = {
      uuid: '0f9c2a4e-5b7d-4c1a-9e3f-2d8b6a1c7e40',
      short_id: 'ALq8Rt2vXk3m',
      community_uuid: 'b3e1d6a2-7c44-4f0e-8a91-5c2f0d9e6b17',
    };
    const created = buildAlertWebhook({
      alert,
      action: 'created',
      createdAt: '2026-03-02T08:15:42.113902+00:00',
    });
    expect(created).toEqual(fixture('alert-created.json'));
    const updated = buildAlertWebhook({
      alert,
      action: 'updated',
      createdAt: '2026-03-02T08:21:07.540311+00:00',
      updated: { status: '8f206505-af6d-433e-93f4-775d46dc7d0f', status_name: 'Acknowledged' },
    });
    expect(updated).toEqual(fixture('alert-updated.json'));
  });

  it('notifies a new alert, a status change and a new occurrence', async () => {
    const alert = fake.addAlert();
    const acknowledge = { action_uuid: '937bdabf-6a08-434b-b6d3-d7447e4e452a', comment: 'on it' };
    await fetch(`${fake.url}/v1/sic/alerts/${alert.uuid}/workflow`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${fake.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(acknowledge),
    });
    fake.addOccurrence(alert.uuid, 2);
    await fake.settleWebhooks();
    expect(received.map((entry) => entry.path)).toEqual(Array(3).fill('/hooks/sekoia/s3cr3t-path'));
    expect(received.map((entry) => entry.body)).toMatchObject([
      { type: 'alert', action: 'created', attributes: { uuid: alert.uuid, short_id: alert.short_id } },
      { action: 'updated', attributes: { updated: { status_name: 'Acknowledged' } } },
      { action: 'updated', attributes: { updated: { similar: alert.similar + 2 } } },
    ]);
    expect(received[0]?.body).toMatchObject({
      metadata: { version: 2, created_at: '2026-03-02T08:15:42.113000+00:00' },
    });
    expect(fake.webhooks.map((delivery) => delivery.status)).toEqual([202, 202, 202]);
  });

  it('sends nothing when asked not to, or when no URL is set', async () => {
    fake.addAlert({}, { notify: false });
    fake.setWebhookUrl(undefined);
    fake.addAlert();
    await fake.settleWebhooks();
    expect(received).toEqual([]);
  });
});
