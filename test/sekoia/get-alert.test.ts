import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotError } from '../../src/errors.ts';
import type { SekoiaHarness } from './start-sekoia-harness.ts';
import { startSekoiaHarness } from './start-sekoia-harness.ts';

let harness: SekoiaHarness;

beforeEach(async () => {
  harness = await startSekoiaHarness();
});
afterEach(() => harness.close());

describe('getAlert', () => {
  it('reads an alert by UUID from an api.* style base, with the bearer key and stix=false', async () => {
    const added = harness.fake.addAlert({ title: 'Beaconing to a known C2' });
    const alert = await harness.client.getAlert(added.uuid);
    expect(alert).toMatchObject({
      uuid: added.uuid,
      short_id: added.short_id,
      title: 'Beaconing to a known C2',
    });
    const [request] = harness.fake.requests;
    expect(request).toMatchObject({
      method: 'GET',
      path: `/v1/sic/alerts/${added.uuid}`,
      query: { stix: 'false' },
    });
    expect(request?.headers.authorization).toBe(`Bearer ${harness.fake.apiKey}`);
    expect(request?.headers.accept).toBe('application/json');
  });

  it('reads an alert by short id from an app.*/api style base', async () => {
    const added = harness.fake.addAlert();
    const client = harness.makeClient({ baseUrl: `${harness.fake.apiUrl}/` });
    const alert = await client.getAlert(added.short_id);
    expect(alert.uuid).toBe(added.uuid);
    expect(harness.fake.requests[0]?.path).toBe(`/api/v1/sic/alerts/${added.short_id}`);
  });

  it('tolerates fields the bot does not know', async () => {
    const added = harness.fake.addAlert({ verdict_reason: 'new in 2027', urgency_history: [1, 2] });
    const alert = await harness.client.getAlert(added.uuid);
    expect(alert.verdict_reason).toBe('new in 2027');
  });

  it('fails with sekoia_not_found for an unknown alert, without retrying', async () => {
    await expect(harness.client.getAlert('ALnope000000')).rejects.toMatchObject({
      code: 'sekoia_not_found',
      retryable: false,
      details: { status: 404, sekoiaMessage: 'Alert not found' },
    });
    expect(harness.fake.requests).toHaveLength(1);
  });

  it.each([
    ['a path traversal', '../../v1/me'],
    ['a slash', 'AL123/workflow'],
    ['a query', 'AL123?stix=true'],
    ['an empty id', ''],
    ['spaces', 'AL 123'],
    ['a 65-character short id', 'A'.repeat(65)],
    ['a malformed UUID', '0f9c2a4e-5b7d-4c1a-9e3f-2d8b6a1c7e4'],
  ])('refuses %s without any request', async (_name, id) => {
    const error = await harness.client.getAlert(id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BotError);
    expect(error).toMatchObject({ code: 'sekoia_not_found', details: { reason: 'invalid_id' } });
    await expect(harness.client.getWorkflow(id)).rejects.toMatchObject({ details: { reason: 'invalid_id' } });
    await expect(harness.client.patchWorkflow(id, { actionUuid: 'x' })).rejects.toBeInstanceOf(BotError);
    await expect(harness.client.postComment(id, { content: 'x' })).rejects.toBeInstanceOf(BotError);
    expect(harness.fake.requests).toHaveLength(0);
  });

  it('reads an alert whose fields drift: what has an unexpected type or is missing reads as absent', async () => {
    const { title: _title, ...added } = harness.fake.addAlert({ title: 'unused' });
    harness.fake.respondNext(1, {
      status: 200,
      body: { ...added, urgency: 'high', created_at: '2026-03-02', entity: { uuid: 7, name: 'Lyon HQ' } },
    });
    const alert = await harness.client.getAlert(added.uuid);
    expect(alert).toMatchObject({ uuid: added.uuid, short_id: added.short_id, entity: { name: 'Lyon HQ' } });
    expect([alert.title, alert.urgency.current_value, alert.created_at, alert.entity?.uuid]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reports a body without an alert uuid as sekoia_invalid_response, without retrying', async () => {
    const { uuid: _uuid, ...added } = harness.fake.addAlert();
    harness.fake.respondNext(1, { status: 200, body: added });
    await expect(harness.client.getAlert(added.short_id)).rejects.toMatchObject({
      code: 'sekoia_invalid_response',
      retryable: false,
    });
    expect(harness.fake.requests).toHaveLength(1);
  });

  it('reports an HTML answer (base URL pointing at the web app) as sekoia_invalid_response', async () => {
    harness.fake.respondNext(1, { status: 200, body: '<!doctype html><title>Sekoia.io</title>' });
    await expect(harness.client.getAlert('ALq8Rt2vXk3m')).rejects.toMatchObject({
      code: 'sekoia_invalid_response',
      details: { reason: 'not_json', contentType: 'text/html; charset=utf-8' },
    });
  });
});

describe('ping', () => {
  it('succeeds with a working key', async () => {
    await expect(harness.client.ping()).resolves.toBeUndefined();
    expect(harness.fake.requests.map((request) => request.path)).toEqual(['/v1/me']);
  });

  it('without a configured key fails as sekoia_unauthorized and calls nothing', async () => {
    const client = harness.makeClient({ apiKey: undefined });
    await expect(client.ping()).rejects.toMatchObject({
      code: 'sekoia_unauthorized',
      retryable: false,
      details: { reason: 'no_api_key' },
    });
    await expect(client.getAlert('ALq8Rt2vXk3m')).rejects.toMatchObject({
      details: { reason: 'no_api_key' },
    });
    expect(harness.fake.requests).toHaveLength(0);
  });
});
