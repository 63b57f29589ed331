import { describe, expect, it } from 'vitest';
import { buildSekoiaUrl, sekoiaPath } from '../../src/sekoia/build-sekoia-url.ts';

describe('buildSekoiaUrl', () => {
  // Every API base of reference §1, in both spellings where two are published.
  it.each([
    ['FRA1 api host', 'https://api.sekoia.io', 'https://api.sekoia.io/v1/sic/alerts/ALq8Rt2vXk3m'],
    ['FRA1 app host', 'https://app.sekoia.io/api', 'https://app.sekoia.io/api/v1/sic/alerts/ALq8Rt2vXk3m'],
    ['FRA2', 'https://app.fra2.sekoia.io/api', 'https://app.fra2.sekoia.io/api/v1/sic/alerts/ALq8Rt2vXk3m'],
    ['MCO1', 'https://app.mco1.sekoia.io/api', 'https://app.mco1.sekoia.io/api/v1/sic/alerts/ALq8Rt2vXk3m'],
    ['UAE1', 'https://app.uae1.sekoia.io/api', 'https://app.uae1.sekoia.io/api/v1/sic/alerts/ALq8Rt2vXk3m'],
    [
      'USA1 app host',
      'https://app.usa1.sekoia.io/api',
      'https://app.usa1.sekoia.io/api/v1/sic/alerts/ALq8Rt2vXk3m',
    ],
    ['USA1 api host', 'https://api.usa1.sekoia.io', 'https://api.usa1.sekoia.io/v1/sic/alerts/ALq8Rt2vXk3m'],
    ['SGP1', 'https://api.sgp1.sekoia.io', 'https://api.sgp1.sekoia.io/v1/sic/alerts/ALq8Rt2vXk3m'],
    ['trailing slash', 'https://api.sekoia.io/', 'https://api.sekoia.io/v1/sic/alerts/ALq8Rt2vXk3m'],
    [
      'several slashes',
      'https://app.fra2.sekoia.io/api//',
      'https://app.fra2.sekoia.io/api/v1/sic/alerts/ALq8Rt2vXk3m',
    ],
    ['local fake', 'http://127.0.0.1:4010', 'http://127.0.0.1:4010/v1/sic/alerts/ALq8Rt2vXk3m'],
  ])('joins the %s base and the API path', (_name, base, expected) => {
    expect(buildSekoiaUrl(base, '/v1/sic/alerts/ALq8Rt2vXk3m')).toBe(expected);
  });

  it('accepts a path without its leading slash', () => {
    expect(buildSekoiaUrl('https://api.sekoia.io', 'v1/me')).toBe('https://api.sekoia.io/v1/me');
  });

  it('adds query parameters, encoded, and skips undefined ones', () => {
    const url = buildSekoiaUrl('https://api.sekoia.io', '/v1/sic/alerts', {
      stix: false,
      limit: 10,
      'match[status_name]': 'Pending,Acknowledged',
      offset: undefined,
    });
    expect(url).toBe(
      'https://api.sekoia.io/v1/sic/alerts?stix=false&limit=10&match%5Bstatus_name%5D=Pending%2CAcknowledged',
    );
  });
});

describe('sekoiaPath', () => {
  it('encodes every segment so that an id cannot add a path level or a query', () => {
    expect(sekoiaPath('v1', 'sic', 'alerts', 'a/b?c#d', 'workflow')).toBe(
      '/v1/sic/alerts/a%2Fb%3Fc%23d/workflow',
    );
  });
});
