import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { createSekoiaClient } from '../../src/sekoia/create-sekoia-client.ts';
import { BOT_PERMISSIONS, type FakeSekoia, startFakeSekoia } from '../fakes/fake-sekoia/index.ts';

let fake: FakeSekoia;

beforeEach(async () => {
  fake = await startFakeSekoia({
    apiKeys: [{ key: 'editor', permissions: [...BOT_PERMISSIONS, 'SIC_WRITE_ALERTS'] }],
  });
});
afterEach(() => fake.close());

async function patch(id: string, body: unknown, key = 'editor') {
  const response = await fetch(`${fake.url}/v1/sic/alerts/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('PATCH /v1/sic/alerts/{uuid} (the urgency), as the fake serves it', () => {
  it('sets urgency.current_value, by uuid or short id, and records it in the history', async () => {
    const alert = fake.addAlert();
    const before = alert.urgency.current_value;
    const answer = await patch(alert.uuid, { urgency: 12 });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ uuid: alert.uuid, urgency: { current_value: 12 } });
    expect((await patch(alert.short_id, { urgency: 100 })).status).toBe(200);
    const stored = fake.getAlert(alert.uuid);
    expect(stored?.urgency.current_value).toBe(100);
    expect(stored?.history.slice(-2).map((entry) => entry.alert)).toEqual([
      { urgency: 12, previous_urgency: before },
      { urgency: 100, previous_urgency: 12 },
    ]);
  });

  it.each([
    [{ urgency: 101 }],
    [{ urgency: -1 }],
    [{ urgency: 50.5 }],
    [{ urgency: '50' }],
    [{ urgency: null }],
    [{}],
    [{ urgency: 50, assignee: 'someone' }],
    [[{ urgency: 50 }]],
  ])('answers 400 to %j and changes nothing', async (body) => {
    const alert = fake.addAlert();
    const before = structuredClone(fake.getAlert(alert.uuid));
    expect((await patch(alert.uuid, body)).status).toBe(400);
    expect(fake.getAlert(alert.uuid)).toEqual(before);
  });

  it('answers 403 to a key without SIC_WRITE_ALERTS, 404 to an unknown alert', async () => {
    const alert = fake.addAlert();
    expect((await patch(alert.uuid, { urgency: 5 }, fake.apiKey)).status).toBe(403);
    expect(fake.getAlert(alert.uuid)?.urgency.current_value).not.toBe(5);
    expect((await patch('ALnotanalert', { urgency: 5 })).status).toBe(404);
  });

  it('is what the client sends for patchAlert', async () => {
    const alert = fake.addAlert();
    const client = createSekoiaClient({
      baseUrl: fake.url,
      apiKey: 'editor',
      log: createLogger({ level: 'silent' }),
    });
    await client.patchAlert(alert.uuid, { urgency: 33 });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'PATCH', body: { urgency: 33 } });
    expect(fake.getAlert(alert.uuid)?.urgency.current_value).toBe(33);
    await expect(client.patchAlert(alert.uuid, { urgency: 333 })).rejects.toMatchObject({
      code: 'sekoia_rejected',
    });
  });
});
