import { Keyv } from 'keyv';
import { describe, expect, it } from 'vitest';
import { createKeyvAccessStore } from '../../src/storage/create-keyv-access-store.ts';
import { captureLog } from './capture-log.ts';

const SOC = { platform: 'mattermost', channel: 'soc' };

describe('the keyv access store', () => {
  it('keeps a level per platform and channel, none for a channel never set', async () => {
    const store = createKeyvAccessStore({ keyv: new Keyv(), log: captureLog().log });
    expect(await store.get(SOC)).toBeUndefined();
    await store.set(SOC, { level: 'admins', setBy: 'alice', setAt: 1_000 });
    expect(await store.get(SOC)).toEqual({ level: 'admins', setBy: 'alice', setAt: 1_000 });
    expect(await store.get({ platform: 'teams', channel: 'soc' })).toBeUndefined();
    await store.set(SOC, { level: 'everyone' });
    expect(await store.get(SOC)).toEqual({ level: 'everyone' });
  });

  it('keeps the named groups with the level, and reads a setting stored before groups existed', async () => {
    const keyv = new Keyv();
    const store = createKeyvAccessStore({ keyv, log: captureLog().log });
    const setting = {
      level: 'groups',
      groups: ['secops', 'soc-leads'],
      setBy: 'alice',
      setAt: 2_000,
    } as const;
    await store.set(SOC, setting);
    expect(await store.get(SOC)).toEqual(setting);
    // A setting written before the groups level: an object without `groups`.
    await keyv.set('level:mattermost/soc', { level: 'admins', setBy: 'bob', setAt: 1_000 });
    expect(await store.get(SOC)).toEqual({ level: 'admins', setBy: 'bob', setAt: 1_000 });
  });

  it('reads a setting with a group name that is no group name as none', async () => {
    const keyv = new Keyv();
    const store = createKeyvAccessStore({ keyv, log: captureLog().log });
    await keyv.set('level:mattermost/soc', { level: 'groups', groups: ['@all here'] });
    expect(await store.get(SOC)).toBeUndefined();
  });

  it('reads a bare level, as stored before who set it and when were kept', async () => {
    const keyv = new Keyv();
    const store = createKeyvAccessStore({ keyv, log: captureLog().log });
    await keyv.set('level:mattermost/soc', 'admins');
    expect(await store.get(SOC)).toEqual({ level: 'admins' });
  });

  it('reads a record that does not parse as none (the default), and says so in the log', async () => {
    const keyv = new Keyv();
    const captured = captureLog();
    const store = createKeyvAccessStore({ keyv, log: captured.log });
    await keyv.set('level:mattermost/soc', 'nobody');
    expect(await store.get(SOC)).toBeUndefined();
    expect(captured.records().map((record) => record.msg)).toContain('corrupt access record ignored');
  });
});
