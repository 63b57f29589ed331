import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheUserGroups } from '../../../src/access/cache-user-groups.ts';
import { createManualClock } from '../../../src/clock.ts';
import { isBotError } from '../../../src/errors.ts';
import { createMattermostClient } from '../../../src/platforms/mattermost/create-mattermost-client.ts';
import { createMattermostGroupDirectory } from '../../../src/platforms/mattermost/create-mattermost-group-directory.ts';
import { type FakeMattermost, startFakeMattermost } from '../../fakes/fake-mattermost/index.ts';

/** The user groups as the bot reads them, through the fake server's `GET /api/v4/groups`. */
describe('the Mattermost group directory', () => {
  let mattermost: FakeMattermost;
  let directory: ReturnType<typeof createMattermostGroupDirectory>;
  let mel: string;

  beforeEach(async () => {
    mattermost = await startFakeMattermost();
    const client = createMattermostClient({ url: mattermost.url, token: mattermost.botToken });
    directory = createMattermostGroupDirectory(client);
    mel = mattermost.addUser({ username: 'mel' }).id;
  });
  afterEach(() => mattermost.close());

  const groupRequests = () => mattermost.requests.filter((request) => request.path === '/api/v4/groups');

  it('reads the groups a user is in, custom and mentionable LDAP ones, by name', async () => {
    const other = mattermost.addUser({ username: 'otto' }).id;
    mattermost.addGroup({ name: 'secops', displayName: 'SecOps', members: [mel] });
    mattermost.addGroup({ name: 'soc-leads', source: 'ldap', members: [mel, other] });
    mattermost.addGroup({ name: 'hidden', source: 'ldap', allowReference: false, members: [mel] });
    mattermost.addGroup({ name: 'others', members: [other] });
    expect([...(await directory.readUserGroups(mel))].sort()).toEqual(['secops', 'soc-leads']);
    expect(groupRequests()[0]?.query).toBe(`filter_has_member=${mel}&page=0&per_page=200`);
  });

  it('pages through more than 200 groups', async () => {
    for (let index = 0; index < 205; index++)
      mattermost.addGroup({ name: `g${String(index).padStart(3, '0')}`, members: [mel] });
    const groups = await directory.readUserGroups(mel);
    expect(groups).toHaveLength(205);
    expect(groupRequests().map((request) => new URLSearchParams(request.query).get('page'))).toEqual([
      '0',
      '1',
    ]);
  });

  it('finds the names that are no group, with the closest existing one', async () => {
    mattermost.addGroup({ name: 'secops', members: [] });
    mattermost.addGroup({ name: 'secops-eu', members: [] });
    mattermost.addGroup({ name: 'soc-leads', members: [] });
    expect(await directory.findMissingGroups(['secops', 'soc-leads'])).toEqual([]);
    expect(await directory.findMissingGroups(['secop', 'soc-leads', 'zzz'])).toEqual([
      { name: 'secop', suggestion: 'secops' },
      { name: 'zzz', suggestion: undefined },
    ]);
  });

  it('says groups are unavailable when the server has no licence (501), for reads and checks', async () => {
    mattermost.setLicensed(false);
    const read = await directory.readUserGroups(mel).catch((error: unknown) => error);
    expect(isBotError(read, 'groups_unavailable')).toBe(true);
    expect((read as Error).message).toMatch(/^This Mattermost server has no user groups \(it answered 501/);
    const check = await directory.findMissingGroups(['secops']).catch((error: unknown) => error);
    expect(isBotError(check, 'groups_unavailable')).toBe(true);
  });

  it('passes on other failures as they are (the caller refuses and says try again)', async () => {
    mattermost.setDown(true);
    const read = await directory.readUserGroups(mel).catch((error: unknown) => error);
    expect(isBotError(read, 'groups_unavailable')).toBe(false);
    expect(isBotError(read)).toBe(true);
  });

  it('asks the server once per user within 30 s when cached, and again after', async () => {
    const clock = createManualClock();
    const cached = cacheUserGroups(directory, { clock });
    mattermost.addGroup({ name: 'secops', members: [mel] });
    await Promise.all([cached.readUserGroups(mel), cached.readUserGroups(mel)]);
    expect(await cached.readUserGroups(mel)).toEqual(['secops']);
    expect(groupRequests()).toHaveLength(1);
    clock.advance(30_000);
    await cached.readUserGroups(mel);
    expect(groupRequests()).toHaveLength(2);
  });
});
