import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSekoia, startFakeSekoia } from '../fakes/fake-sekoia/index.ts';

let fake: FakeSekoia;

beforeEach(async () => {
  fake = await startFakeSekoia({ apiKeys: [{ key: 'reader', permissions: ['SIC_READ_ALERTS'] }] });
});
afterEach(() => fake.close());

async function call(path: string, init: RequestInit & { key?: string | null } = {}) {
  const { key = fake.apiKey, ...rest } = init;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== null) headers.authorization = `Bearer ${key}`;
  const response = await fetch(`${fake.url}${path}`, { ...rest, headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('fake Sekoia.io: authentication', () => {
  it.each([
    ['no key', null, 'T300'],
    ['an unknown key', 'guess', 'T300'],
  ])('answers 401 to %s', async (_name, key, code) => {
    expect(await call('/v1/me', { key })).toEqual({
      status: 401,
      body: { message: 'The token is invalid', code },
    });
  });

  it('tells expired and revoked keys apart', async () => {
    fake.setKeyState(fake.apiKey, 'expired');
    expect((await call('/v1/me')).body.code).toBe('T301');
    fake.setKeyState(fake.apiKey, 'revoked');
    expect((await call('/v1/me')).body.code).toBe('T302');
  });

  it('answers 403 when the key lacks the route permission', async () => {
    const alert = fake.addAlert();
    expect((await call(`/v1/sic/alerts/${alert.uuid}`, { key: 'reader' })).status).toBe(200);
    const patch = await call(`/v1/sic/alerts/${alert.uuid}/workflow`, {
      key: 'reader',
      method: 'PATCH',
      body: JSON.stringify({ action_uuid: '937bdabf-6a08-434b-b6d3-d7447e4e452a' }),
    });
    expect(patch.status).toBe(403);
    expect(patch.body.message).toContain('SIC_WRITE_ALERTS_WORKFLOW');
    expect(fake.getAlert(alert.uuid)?.status.name).toBe('Pending');
  });
});

describe('fake Sekoia.io: routes', () => {
  it('serves the same API under /v1 and /api/v1, by UUID or short id', async () => {
    const alert = fake.addAlert();
    for (const path of [`/v1/sic/alerts/${alert.uuid}`, `/api/v1/sic/alerts/${alert.short_id}`]) {
      expect((await call(path)).body).toMatchObject({ uuid: alert.uuid, created_at: expect.any(Number) });
    }
    expect((await call('/v1/sic/nothing')).status).toBe(404);
    expect((await call(`/v1/sic/alerts/${alert.uuid}`, { method: 'DELETE' })).status).toBe(405);
  });

  it('lists alerts with comma-OR match filters, limit and offset', async () => {
    const rule = {
      uuid: 'rule-b',
      name: 'Other rule',
      description: '',
      severity: 10,
      type: null,
      pattern: '',
    };
    fake.addAlert();
    fake.addAlert({ statusName: 'Acknowledged' });
    fake.addAlert({ statusName: 'Closed', rule });
    const page = await call('/v1/sic/alerts?match[status_name]=Pending,Closed&limit=1&offset=0');
    expect(page.body).toMatchObject({ total: 2, has_more: true });
    expect(page.body.items).toHaveLength(1);
    const last = await call('/v1/sic/alerts?match[status_name]=Pending,Closed&limit=1&offset=1');
    expect(last.body).toMatchObject({ total: 2, has_more: false });
    const both = await call('/v1/sic/alerts?match[status_name]=Closed&match[rule_uuid]=rule-b');
    expect(both.body.total).toBe(1);
    expect((await call('/v1/sic/alerts?limit=500')).status).toBe(400);
    expect((await call('/v1/sic/alerts?match[colour]=red')).status).toBe(400);
  });

  it('lists and reads comments', async () => {
    const alert = fake.addAlert();
    const posted = await call(`/v1/sic/alerts/${alert.uuid}/comments`, {
      method: 'POST',
      body: JSON.stringify({ content: 'first' }),
    });
    expect(posted.status).toBe(200);
    const list = await call(`/v1/sic/alerts/${alert.uuid}/comments`);
    expect(list.body).toMatchObject({ total: 1, items: [{ content: 'first' }] });
    const one = await call(`/v1/sic/alerts/${alert.uuid}/comments/${String(posted.body.uuid)}`);
    expect(one.body.content).toBe('first');
    expect((await call(`/v1/sic/alerts/${alert.uuid}/comments`, { method: 'POST', body: '{}' })).status).toBe(
      400,
    );
    expect((await call(`/v1/sic/alerts/${alert.uuid}/comments`, { method: 'POST', body: '{' })).status).toBe(
      400,
    );
  });

  it('records requests and can fail only the requests a filter selects', async () => {
    const alert = fake.addAlert();
    fake.failNext(1, 500, { match: (request) => request.path.endsWith('/workflow') });
    expect((await call(`/v1/sic/alerts/${alert.uuid}`)).status).toBe(200);
    expect((await call(`/api/v1/sic/alerts/${alert.uuid}/workflow`)).status).toBe(500);
    expect((await call(`/v1/sic/alerts/${alert.uuid}/workflow`)).status).toBe(200);
    expect(fake.requests.map((request) => request.path)).toEqual([
      `/v1/sic/alerts/${alert.uuid}`,
      `/api/v1/sic/alerts/${alert.uuid}/workflow`,
      `/v1/sic/alerts/${alert.uuid}/workflow`,
    ]);
    fake.clearRequests();
    expect(fake.requests).toEqual([]);
  });
});
