import { BotError, isBotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import {
  type AccessLevel,
  type AccessNeed,
  type AccessSetting,
  DEFAULT_ACCESS_LEVEL,
} from './access-level.ts';
import type { AccessChannel, AccessStore } from './access-store.ts';
import { type AccessDecision, decideAccess } from './decide-access.ts';
import type { AccessRefusal } from './describe-access-refusal.ts';
import type { MemberRoles } from './member-roles.ts';

/** A lookup slower than this is a failed one: the click or command is refused, never let through. */
export const ROLE_LOOKUP_TIMEOUT_MS = 2_000;

export interface AccessCheck {
  channel: AccessChannel;
  need: AccessNeed;
  /** The platform's answer for the user in that channel (the interaction's context provides it). */
  readRoles: () => Promise<MemberRoles>;
  /** The user's group names; absent where the platform has no named groups. Read only when needed. */
  readGroups?: (() => Promise<readonly string[]>) | undefined;
  log: Logger;
}

export type AccessVerdict = { allowed: true; level: AccessLevel } | ({ allowed: false } & AccessRefusal);

export interface AccessGuard {
  /** The channel's level: the one set, else the default. */
  level(channel: AccessChannel): Promise<AccessLevel>;
  /** The channel's setting, with who made it and when; the default (no one) when none was made. */
  setting(channel: AccessChannel): Promise<AccessSetting>;
  setLevel(channel: AccessChannel, setting: AccessSetting): Promise<void>;
  /**
   * Whether the user may do what `need` says in the channel. It never throws: when the level or
   * the user's roles or groups cannot be read (store or platform down, too slow), the answer is a refusal.
   */
  check(input: AccessCheck): Promise<AccessVerdict>;
}

/** The one decision point for clicks (the action runner) and commands (runCommand). */
export function createAccessGuard(options: { store: AccessStore; lookupTimeoutMs?: number }): AccessGuard {
  const { store } = options;
  const timeoutMs = options.lookupTimeoutMs ?? ROLE_LOOKUP_TIMEOUT_MS;
  const setting = async (channel: AccessChannel): Promise<AccessSetting> =>
    (await store.get(channel)) ?? { level: DEFAULT_ACCESS_LEVEL };
  const level = async (channel: AccessChannel) => (await setting(channel)).level;

  /** The decision again with the user's groups, which the `groups` level waits on. */
  const decideWithGroups = async (
    input: AccessCheck,
    current: AccessSetting,
    roles: MemberRoles,
  ): Promise<AccessDecision> => {
    if (input.readGroups === undefined) return { allowed: false, reason: 'groups-unavailable' };
    try {
      const groups = await within(input.readGroups(), timeoutMs);
      return decideAccess(current, input.need, roles, groups);
    } catch (error) {
      const unavailable = isBotError(error, 'groups_unavailable');
      input.log.warn({ err: isBotError(error) ? error.code : error }, 'group lookup failed; refused');
      return { allowed: false, reason: unavailable ? 'groups-unavailable' : 'lookup-failed' };
    }
  };

  return {
    level,
    setting,
    setLevel: (channel, next) => store.set(channel, next),
    async check(input) {
      const { channel, need, readRoles, log } = input;
      let known: { setting: AccessSetting; roles: MemberRoles };
      try {
        const [current, roles] = await Promise.all([setting(channel), within(readRoles(), timeoutMs)]);
        known = { setting: current, roles };
      } catch (error) {
        log.warn({ err: isBotError(error) ? error.code : error, need }, 'access check failed; refused');
        return { allowed: false, reason: 'lookup-failed', need, level: DEFAULT_ACCESS_LEVEL };
      }
      const { level: current, groups } = known.setting;
      let decision = decideAccess(known.setting, need, known.roles);
      if (!decision.allowed && decision.reason === 'groups-unknown')
        decision = await decideWithGroups(input, known.setting, known.roles);
      if (decision.allowed) return { allowed: true, level: current };
      log.info({ reason: decision.reason, need, level: current }, 'refused by the access policy');
      return { allowed: false, reason: decision.reason, need, level: current, ...(groups ? { groups } : {}) };
    },
  };
}

/** `work`, or a retryable failure once `ms` have passed. */
async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new BotError('access_lookup_failed', { message: 'role lookup timed out' })),
      ms,
    );
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
