import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALERT_BOT_PERMISSIONS, type FakeAsset } from '../fakes/fake-sekoia/index.ts';
import { type SekoiaHarness, startSekoiaHarness } from './start-sekoia-harness.ts';

let harness: SekoiaHarness;

beforeEach(async () => {
  harness = await startSekoiaHarness();
});
afterEach(() => harness.close());

const UNKNOWN_UUID = '3c9e1f0a-7b2d-4e58-9a61-0f4d2b8c7e15';

describe('getAsset', () => {
  it('reads the name and criticality of GET /v2/asset-management/assets/{uuid}', async () => {
    const asset = harness.fake.addAsset({ name: 'srv-db-01', criticality: 80 });
    await expect(harness.client.getAsset(asset.uuid)).resolves.toEqual({
      uuid: asset.uuid,
      name: 'srv-db-01',
      criticality: 80,
    });
    expect(harness.fake.requests.map((request) => [request.method, request.path])).toEqual([
      ['GET', `/v2/asset-management/assets/${asset.uuid}`],
    ]);
  });

  it.each<[string, Record<string, unknown>, number | undefined]>([
    ['a null criticality', { criticality: null }, undefined],
    ['a criticality out of range', { criticality: 250 }, undefined],
    ['a criticality as text', { criticality: '80' }, undefined],
    [
      'the v1 criticity object when criticality is absent',
      { criticality: undefined, criticity: { value: 65, display: 'medium' } },
      65,
    ],
    ['a bare v1 criticity', { criticality: undefined, criticity: 40 }, 40],
  ])('reads %s leniently', async (_what, fields, expected) => {
    // The fake is asked for shapes its type does not allow: what a lenient read must survive.
    const asset = harness.fake.addAsset({ name: 'ws-12', ...fields } as Partial<FakeAsset>);
    const read = await harness.client.getAsset(asset.uuid);
    expect(read).toEqual({ uuid: asset.uuid, name: 'ws-12', criticality: expected });
  });

  it('reads an answer without a name or with an odd one, rather than refusing the asset', async () => {
    const blank = harness.fake.addAsset({ name: '   ' as string });
    await expect(harness.client.getAsset(blank.uuid)).resolves.toMatchObject({ name: undefined });
    harness.fake.respondNext(1, { status: 200, body: { uuid: UNKNOWN_UUID, name: 42, criticality: 10 } });
    await expect(harness.client.getAsset(UNKNOWN_UUID)).resolves.toEqual({
      uuid: UNKNOWN_UUID,
      name: undefined,
      criticality: 10,
    });
  });

  it('answers an unknown asset with sekoia_not_found', async () => {
    await expect(harness.client.getAsset(UNKNOWN_UUID)).rejects.toMatchObject({
      code: 'sekoia_not_found',
      retryable: false,
    });
  });

  it('is refused with 403 to a key without ASSETMANAGEMENT_VIEW_ASSET', async () => {
    const asset = harness.fake.addAsset();
    harness.fake.setPermissions(harness.fake.apiKey, ALERT_BOT_PERMISSIONS);
    await expect(harness.client.getAsset(asset.uuid)).rejects.toMatchObject({ code: 'sekoia_forbidden' });
  });

  it('refuses an id that is not a UUID without a request', async () => {
    await expect(harness.client.getAsset('../../v1/me')).rejects.toMatchObject({ code: 'sekoia_not_found' });
    expect(harness.fake.requests).toHaveLength(0);
  });
});
