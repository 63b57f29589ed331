import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AccessGuard, createAccessGuard } from '../../src/access/create-access-guard.ts';
import type { MemberRoles } from '../../src/access/member-roles.ts';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import type { CommandServices, StatusReport } from '../../src/commands/command.ts';
import type { CommandContext, Reply } from '../../src/commands/command-context.ts';
import { createCommands } from '../../src/commands/create-commands.ts';
import { runCommand } from '../../src/commands/run-command.ts';
import type { AlertStateStore } from '../../src/delivery/alert-state-store.ts';
import { createDigestPanel } from '../../src/delivery/create-digest-panel.ts';
import { createHoldLedger } from '../../src/delivery/create-hold-ledger.ts';
import { createHoldPanel } from '../../src/delivery/create-hold-panel.ts';
import { createStormPanel } from '../../src/delivery/create-storm-panel.ts';
import type { HoldStore } from '../../src/delivery/hold-store.ts';
import type { StormStore } from '../../src/delivery/storm-store.ts';
import type { NewJob } from '../../src/queue/job-queue.ts';
import { createRuleCatalog, type RuleCatalog } from '../../src/rules/create-rule-catalog.ts';
import type { ChannelRef, UserRef } from '../../src/rules/rule.ts';
import { createKeyvAccessStore } from '../../src/storage/create-keyv-access-store.ts';
import { createKeyvDigestStore } from '../../src/storage/create-keyv-digest-store.ts';
import { createKeyvHoldStore } from '../../src/storage/create-keyv-hold-store.ts';
import { createKeyvRuleStore } from '../../src/storage/create-keyv-rule-store.ts';
import { createKeyvStormStore } from '../../src/storage/create-keyv-storm-store.ts';
import { createStore, type Store } from '../../src/storage/create-store.ts';
import { createMemoryGroupDirectory, type MemoryGroupDirectory } from '../access/memory-group-directory.ts';
import { seededRandom } from '../rules/seeded-random.ts';
import { type CapturedLog, captureLog } from '../storage/capture-log.ts';

export const SOC: ChannelRef = { platform: 'mattermost', team: 'team-1', channel: 'soc' };
export const OPS: ChannelRef = { platform: 'mattermost', team: 'team-1', channel: 'ops' };
export const ALICE: UserRef = { id: 'u1', name: 'alice' };
export const BOB: UserRef = { id: 'u2', name: 'bob' };
export const CAROL: UserRef = { id: 'u3', name: 'carol' };

/** A context that records what the bot answered and announced. */
export interface RecordingContext extends CommandContext {
  replies: Reply[];
  announcements: Reply[];
}

/** What a platform's command path tells the commands it can do. */
export type PlatformAbilities = Partial<Pick<CommandContext, 'notifiesByName' | 'resolveMention'>>;

export interface Harness {
  store: Store;
  rules: RuleCatalog;
  clock: ManualClock;
  captured: CapturedLog;
  status: StatusReport;
  /** Card budgets and roll-ups, on the same store (default budget 20 per 5m, high urgency gets its card). */
  storms: StormStore;
  /** Who may act, on the same store. */
  access: AccessGuard;
  /** Working hours and maintenance windows, on the same store. */
  holds: HoldStore;
  /** The jobs the commands queued (releases of held alerts). */
  jobs: NewJob[];
  /** Each user's roles, by user id (a plain member when not listed); a function throws like a platform that is down. */
  roles: Map<string, MemberRoles | (() => never)>;
  /** The platform's user groups (none at first); a Teams channel has none (unsupported), as on Teams. */
  groups: MemoryGroupDirectory;
  /**
   * Runs a line as `user` in `channel` and returns what was recorded; `platform` overrides what the
   * platform says it can do (by default its cards ping names).
   */
  run(
    line: string,
    channel?: ChannelRef,
    user?: UserRef,
    platform?: PlatformAbilities,
  ): Promise<RecordingContext>;
  close(): Promise<void>;
}

/** The commands on a real SQLite store in a temporary file, behind a rule catalog. */
export async function startHarness(seed = 1, more: Pick<CommandServices, 'preview'> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'commands-'));
  const captured = captureLog();
  const store = await createStore({ url: `sqlite://${join(dir, 'bot.sqlite')}`, log: captured.log });
  const clock = createManualClock();
  const ruleStore = createKeyvRuleStore({ keyv: store.keyv('rules'), log: captured.log });
  const rules = createRuleCatalog({ store: ruleStore, clock, refreshMs: 60_000, onRefreshError: () => {} });
  await rules.start();
  const status: StatusReport = { sekoiaReachable: null, lastWebhookAt: null, pendingDeliveries: null };
  const storms = createKeyvStormStore({ keyv: store.keyv('storm'), log: captured.log });
  const access = createAccessGuard({
    store: createKeyvAccessStore({ keyv: store.keyv('access'), log: captured.log }),
  });
  const roles: Harness['roles'] = new Map();
  const groups = createMemoryGroupDirectory();
  const holds = createKeyvHoldStore({ keyv: store.keyv('hold'), log: captured.log });
  const jobs: NewJob[] = [];
  const enqueue = async (job: NewJob) => {
    jobs.push(job);
  };
  const states: AlertStateStore = { get: async () => undefined, offer: async (state) => state };
  const ledger = createHoldLedger({ store: holds, states, enqueue, clock });
  const services: CommandServices = {
    rules,
    clock,
    random: seededRandom(seed),
    status: { read: async () => status },
    storms: createStormPanel({
      store: storms,
      defaults: { budget: 20, windowMs: 300_000, ownCardAt: 'high' },
    }),
    access,
    holds: createHoldPanel({ store: holds, ledger, enqueue, clock }),
    digests: createDigestPanel({
      store: createKeyvDigestStore({ keyv: store.keyv('digest'), log: captured.log }),
      enqueue,
      clock,
    }),
    ...more,
  };
  const registry = createCommands();
  return {
    store,
    rules,
    clock,
    captured,
    status,
    storms,
    access,
    holds,
    jobs,
    roles,
    groups,
    async run(line, channel = SOC, user = ALICE, platform = {}) {
      const ctx = recordingContext(channel, user, captured, groups, async () => {
        const known = roles.get(user.id) ?? { member: true, guest: false, admin: false };
        return typeof known === 'function' ? known() : known;
      });
      Object.assign(ctx, platform);
      await runCommand(ctx, line, { registry, services });
      return ctx;
    },
    async close() {
      rules.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function recordingContext(
  channel: ChannelRef,
  user: UserRef,
  captured: CapturedLog,
  groups: MemoryGroupDirectory,
  readRoles: () => Promise<MemberRoles>,
): RecordingContext {
  const replies: Reply[] = [];
  const announcements: Reply[] = [];
  return {
    platform: channel.platform,
    channel,
    user,
    log: captured.log,
    readRoles,
    groups:
      channel.platform === 'teams' ? { unsupported: 'Named groups are not available here yet.' } : groups,
    notifiesByName: true,
    replies,
    announcements,
    reply: async (message) => {
      replies.push(message);
    },
    announce: async (message) => {
      announcements.push(message);
    },
  };
}

/** The only reply of a command; fails when there is not exactly one. */
export function onlyReply(ctx: RecordingContext): Reply {
  if (ctx.replies.length !== 1) throw new Error(`expected one reply, got ${ctx.replies.length}`);
  return ctx.replies[0] as Reply;
}
