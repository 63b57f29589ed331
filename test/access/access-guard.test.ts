import { describe, expect, it } from 'vitest';
import { createAccessGuard } from '../../src/access/create-access-guard.ts';
import { createLogger } from '../../src/log.ts';
import { ADMIN, createMemoryAccessStore, GUEST, MEMBER } from './memory-access-store.ts';
import { createMemoryGroupDirectory } from './memory-group-directory.ts';

const log = createLogger({ level: 'silent' });
const SOC = { platform: 'mattermost', channel: 'soc' };

describe('the access guard', () => {
  it('reads a channel with no setting as everyone, and keeps a level per channel', async () => {
    const guard = createAccessGuard({ store: createMemoryAccessStore() });
    expect(await guard.level(SOC)).toBe('everyone');
    expect(await guard.setting(SOC)).toEqual({ level: 'everyone' });
    await guard.setLevel(SOC, { level: 'admins', setBy: 'alice', setAt: 1_000 });
    expect(await guard.level(SOC)).toBe('admins');
    expect(await guard.setting(SOC)).toEqual({ level: 'admins', setBy: 'alice', setAt: 1_000 });
    expect(await guard.level({ platform: 'mattermost', channel: 'ops' })).toBe('everyone');
    expect(await guard.level({ platform: 'teams', channel: 'soc' })).toBe('everyone');
  });

  it('applies the stored level to the roles the platform gives', async () => {
    const store = createMemoryAccessStore();
    const guard = createAccessGuard({ store });
    const check = (roles = MEMBER) =>
      guard.check({ channel: SOC, need: 'act', readRoles: async () => roles, log });
    expect(await check()).toEqual({ allowed: true, level: 'everyone' });
    expect(await check(GUEST)).toMatchObject({ allowed: false, reason: 'guest' });
    await store.set(SOC, { level: 'admins' });
    expect(await check()).toMatchObject({ allowed: false, reason: 'not-admin', level: 'admins' });
    expect(await check(ADMIN)).toEqual({ allowed: true, level: 'admins' });
  });

  it('at groups, reads the user’s groups only when needed, and refuses when they cannot be read', async () => {
    const store = createMemoryAccessStore();
    const guard = createAccessGuard({ store, lookupTimeoutMs: 20 });
    const groups = createMemoryGroupDirectory({ secops: ['u1'], 'soc-leads': ['u3'] });
    const check = (userId: string, roles = MEMBER) =>
      guard.check({
        channel: SOC,
        need: 'act',
        readRoles: async () => roles,
        readGroups: () => groups.readUserGroups(userId),
        log,
      });
    expect(await check('u2')).toEqual({ allowed: true, level: 'everyone' });
    await store.set(SOC, { level: 'groups', groups: ['secops', 'soc-leads'] });
    expect(groups.reads).toBe(0);
    expect(await check('u1')).toEqual({ allowed: true, level: 'groups' });
    expect(await check('u3')).toEqual({ allowed: true, level: 'groups' });
    expect(await check('u2')).toEqual({
      allowed: false,
      reason: 'not-in-group',
      need: 'act',
      level: 'groups',
      groups: ['secops', 'soc-leads'],
    });
    const reads = groups.reads;
    expect(await check('u2', ADMIN)).toEqual({ allowed: true, level: 'groups' });
    expect(await check('u1', GUEST)).toMatchObject({ allowed: false, reason: 'guest' });
    expect(groups.reads).toBe(reads);

    groups.unavailable = 'no groups on this server';
    expect(await check('u1')).toMatchObject({ allowed: false, reason: 'groups-unavailable' });
    expect(await check('u1', ADMIN)).toEqual({ allowed: true, level: 'groups' });
    const slow = await guard.check({
      channel: SOC,
      need: 'act',
      readRoles: async () => MEMBER,
      readGroups: () => new Promise((resolve) => setTimeout(() => resolve(['secops']), 500)),
      log,
    });
    expect(slow).toMatchObject({ allowed: false, reason: 'lookup-failed' });
    const none = await guard.check({ channel: SOC, need: 'act', readRoles: async () => MEMBER, log });
    expect(none).toMatchObject({ allowed: false, reason: 'groups-unavailable' });
  });

  it('refuses when the roles cannot be read: a failure, or an answer slower than the timeout', async () => {
    const guard = createAccessGuard({ store: createMemoryAccessStore(), lookupTimeoutMs: 20 });
    const failed = await guard.check({
      channel: SOC,
      need: 'act',
      readRoles: () => Promise.reject(new Error('down')),
      log,
    });
    expect(failed).toMatchObject({ allowed: false, reason: 'lookup-failed' });
    const slow = await guard.check({
      channel: SOC,
      need: 'act',
      readRoles: () => new Promise((resolve) => setTimeout(() => resolve(MEMBER), 500)),
      log,
    });
    expect(slow).toMatchObject({ allowed: false, reason: 'lookup-failed' });
  });

  it('refuses when the stored level cannot be read', async () => {
    const store = createMemoryAccessStore();
    const guard = createAccessGuard({
      store: { ...store, get: () => Promise.reject(new Error('store down')) },
    });
    const verdict = await guard.check({ channel: SOC, need: 'act', readRoles: async () => ADMIN, log });
    expect(verdict).toMatchObject({ allowed: false, reason: 'lookup-failed' });
  });
});
