import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeMattermost, startFakeMattermost } from '../fakes/fake-mattermost/index.ts';

/** The fake's `GET /api/v4/groups`, held to what the real server does (server/channels/api4/group.go). */
describe('the fake Mattermost user groups', () => {
  let mattermost: FakeMattermost;
  beforeEach(async () => {
    mattermost = await startFakeMattermost();
  });
  afterEach(() => mattermost.close());

  const get = async (query: string, token = mattermost.botToken) => {
    const response = await fetch(`${mattermost.url}/api/v4/groups?${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown>[] };
  };

  it('answers model.Group objects, ordered by display name, with unmentionable groups hidden from the bot', async () => {
    const mel = mattermost.addUser({ username: 'mel' }).id;
    mattermost.addGroup({ name: 'secops', displayName: 'SecOps', members: [mel] });
    mattermost.addGroup({ name: 'ad-sync', displayName: 'AD sync', source: 'ldap', members: [mel] });
    mattermost.addGroup({ name: null, displayName: 'Hidden', source: 'ldap', allowReference: false });
    const { status, body } = await get('');
    expect(status).toBe(200);
    expect(body.map((group) => group.name)).toEqual(['ad-sync', 'secops']);
    expect(body[1]).toMatchObject({
      name: 'secops',
      display_name: 'SecOps',
      source: 'custom',
      remote_id: null,
      delete_at: 0,
      allow_reference: true,
      member_ids: null,
    });
    expect(body[1]).not.toHaveProperty('member_count');
    expect((await get(`filter_has_member=${mel}&q=SEC`)).body.map((group) => group.name)).toEqual(['secops']);
    expect((await get('filter_has_member=nobody')).body).toEqual([]);
  });

  it('pages 60 by default and at most 200 per page', async () => {
    for (let index = 0; index < 250; index++)
      mattermost.addGroup({ name: `g${String(index).padStart(3, '0')}` });
    expect((await get('')).body).toHaveLength(60);
    expect((await get('per_page=500')).body).toHaveLength(200);
    expect((await get('per_page=200&page=1')).body).toHaveLength(50);
    expect((await get('per_page=200&page=-3')).body[0]?.name).toBe('g000');
  });

  it('answers 501 without a licence, and 401 without a session', async () => {
    expect((await get('', 'wrong')).status).toBe(401);
    mattermost.setLicensed(false);
    const { status, body } = await get('');
    expect(status).toBe(501);
    expect(body).toMatchObject({ id: 'api.license_error', status_code: 501 });
  });
});
