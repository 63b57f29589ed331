import { describe, expect, it } from 'vitest';
import { sekoiaRegionCheck } from '../../src/doctor/checks/sekoia-region-check.ts';
import { regionOfUrl, suggestApiUrl } from '../../src/doctor/checks/sekoia-regions.ts';
import { doctorContext } from './doctor-test-context.ts';

const check = (api: string, app: string) =>
  sekoiaRegionCheck().run(doctorContext({ SEKOIA_API_URL: api, SEKOIA_APP_URL: app }));

describe('the regional API and app URLs', () => {
  it.each([
    ['https://api.sekoia.io', 'https://app.sekoia.io', 'FRA1'],
    ['https://app.sekoia.io/api', 'https://app.sekoia.io', 'FRA1'],
    ['https://app.fra2.sekoia.io/api', 'https://app.fra2.sekoia.io', 'FRA2'],
    ['https://app.mco1.sekoia.io/api', 'https://app.mco1.sekoia.io', 'MCO1'],
    ['https://app.uae1.sekoia.io/api', 'https://app.uae1.sekoia.io', 'UAE1'],
    ['https://app.usa1.sekoia.io/api', 'https://app.usa1.sekoia.io', 'USA1'],
    ['https://api.usa1.sekoia.io', 'https://app.usa1.sekoia.io', 'USA1'],
    ['https://api.sgp1.sekoia.io', 'https://app.sgp1.sekoia.io', 'SGP1'],
  ])('agree: %s with %s (%s)', async (api, app, region) => {
    expect(await check(api, app)).toEqual({ state: 'ok', detail: `both ${region}` });
  });

  it('fail when both are Sekoia.io hosts of different regions, with the matching URL as the fix', async () => {
    const outcome = await check('https://app.fra2.sekoia.io/api', 'https://app.sekoia.io');
    expect(outcome).toMatchObject({
      state: 'fail',
      detail: 'SEKOIA_API_URL is in FRA2, SEKOIA_APP_URL in FRA1',
    });
    expect(outcome.fix).toContain('SEKOIA_APP_URL=https://app.fra2.sekoia.io');
    expect(outcome.fix).toContain('SEKOIA_API_URL=https://api.sekoia.io');
  });

  it('skip when either is not a Sekoia.io host (a fake on loopback)', async () => {
    expect((await check('http://127.0.0.1:4000', 'https://app.sekoia.io')).state).toBe('skip');
    expect((await check('https://api.sekoia.io', 'http://127.0.0.1:4000')).state).toBe('skip');
  });

  it('skip a Sekoia.io region the table does not know', async () => {
    expect(regionOfUrl('https://app.xyz9.sekoia.io').kind).toBe('unknown-sekoia');
    expect((await check('https://app.xyz9.sekoia.io/api', 'https://app.sekoia.io')).state).toBe('skip');
  });
});

describe('suggestApiUrl', () => {
  it('adds /api to an app host (reference §1 path-prefix rule)', () => {
    expect(suggestApiUrl('https://app.fra2.sekoia.io', 'https://app.fra2.sekoia.io')).toBe(
      'https://app.fra2.sekoia.io/api',
    );
  });

  it("otherwise names the app URL's region's API", () => {
    expect(suggestApiUrl('https://sekoia.example.com', 'https://app.mco1.sekoia.io')).toBe(
      'https://app.mco1.sekoia.io/api',
    );
    expect(suggestApiUrl('http://127.0.0.1:4000/x', 'http://127.0.0.1:4000')).toBeUndefined();
  });
});
