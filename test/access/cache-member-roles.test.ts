import { describe, expect, it } from 'vitest';
import { cacheMemberRoles } from '../../src/access/cache-member-roles.ts';
import type { MemberDirectory, MemberRoles } from '../../src/access/member-roles.ts';
import { createManualClock } from '../../src/clock.ts';
import { ADMIN, MEMBER } from './memory-access-store.ts';

/** A directory that counts its lookups and answers what `answer` says now. */
function countingDirectory(answer: () => Promise<MemberRoles>) {
  const calls: string[] = [];
  const directory: MemberDirectory = {
    readMemberRoles: (channel, userId) => {
      calls.push(`${channel}/${userId}`);
      return answer();
    },
  };
  return { directory, calls };
}

describe('the member roles cache', () => {
  it('asks once per channel and user within the TTL, and again after it', async () => {
    const clock = createManualClock();
    let roles = MEMBER;
    const { directory, calls } = countingDirectory(async () => roles);
    const cached = cacheMemberRoles(directory, { clock, ttlMs: 30_000 });
    // A burst of clicks at once shares one lookup.
    const burst = await Promise.all([1, 2, 3].map(() => cached.readMemberRoles('soc', 'u1')));
    expect(burst).toEqual([MEMBER, MEMBER, MEMBER]);
    await cached.readMemberRoles('soc', 'u2');
    await cached.readMemberRoles('ops', 'u1');
    expect(calls).toEqual(['soc/u1', 'soc/u2', 'ops/u1']);
    roles = ADMIN;
    clock.advance(29_999);
    expect(await cached.readMemberRoles('soc', 'u1')).toEqual(MEMBER);
    clock.advance(1);
    expect(await cached.readMemberRoles('soc', 'u1')).toEqual(ADMIN);
    expect(calls).toHaveLength(4);
  });

  it('keeps no failure: the next lookup asks again', async () => {
    const clock = createManualClock();
    let down = true;
    const { directory, calls } = countingDirectory(async () => {
      if (down) throw new Error('down');
      return MEMBER;
    });
    const cached = cacheMemberRoles(directory, { clock });
    await expect(cached.readMemberRoles('soc', 'u1')).rejects.toThrow('down');
    down = false;
    expect(await cached.readMemberRoles('soc', 'u1')).toEqual(MEMBER);
    expect(calls).toHaveLength(2);
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const clock = createManualClock();
    const { directory, calls } = countingDirectory(async () => MEMBER);
    const cached = cacheMemberRoles(directory, { clock, maxEntries: 2 });
    for (const user of ['u1', 'u2', 'u3']) await cached.readMemberRoles('soc', user);
    await cached.readMemberRoles('soc', 'u3');
    await cached.readMemberRoles('soc', 'u1');
    expect(calls).toEqual(['soc/u1', 'soc/u2', 'soc/u3', 'soc/u1']);
  });
});
