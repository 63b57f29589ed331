import type { Clock } from '../clock.ts';
import { BotError } from '../errors.ts';
import type { NewJob } from '../queue/job-queue.ts';
import { createRuleId } from '../rules/create-rule-id.ts';
import type { ChannelRef } from '../rules/rule.ts';
import type { HoldLedger } from './create-hold-ledger.ts';
import { holdRelease } from './hold-jobs.ts';
import type { HoldStore } from './hold-store.ts';
import { MAX_MAINTENANCE_WINDOWS, type MaintenanceWindow, windowBatchId } from './maintenance-window.ts';
import { isInHours, nextOpening, type WorkingHours } from './working-hours.ts';

/** A channel's working hours as `hours` shows them. */
export interface HoursView {
  hours: WorkingHours | undefined;
  inHours: boolean;
  /** When outside hours: the next opening, and how many alerts wait for it. */
  opensAt: number | null;
  held: number;
}

export type WindowDraft = Pick<MaintenanceWindow, 'channel' | 'condition' | 'label' | 'reason' | 'by'>;

/** What `hours` and `maintenance` see and change (the composition root builds it on the hold store). */
export interface HoldPanel {
  hours(channel: ChannelRef): Promise<HoursView>;
  /** Sets or clears the hours; what the old hours held is released now rather than at their opening. */
  setHours(channel: ChannelRef, hours: WorkingHours | undefined): Promise<void>;
  /** The channel's open windows, with how many alerts each holds so far. */
  windows(channel: ChannelRef): Promise<{ window: MaintenanceWindow; held: number }[]>;
  openWindow(draft: WindowDraft, durationMs: number, random: () => number): Promise<MaintenanceWindow>;
  /** Closes a window now (its summary follows); undefined when the channel has no open window by that id. */
  endWindow(channel: ChannelRef, id: string): Promise<MaintenanceWindow | undefined>;
}

export function createHoldPanel(options: {
  store: HoldStore;
  ledger: HoldLedger;
  enqueue: (job: NewJob) => Promise<unknown>;
  clock: Clock;
}): HoldPanel {
  const { store, ledger, enqueue, clock } = options;
  const heldIn = async (channel: ChannelRef, batchId: string) =>
    (await store.batch(channel, batchId))?.rollup.total ?? 0;
  const openWindows = async (channel: ChannelRef) =>
    (await store.windows(channel)).filter((window) => window.endsAt > clock.now());

  return {
    async hours(channel) {
      const hours = await store.hours(channel);
      const now = clock.now();
      if (hours === undefined || isInHours(hours, now))
        return { hours, inHours: hours !== undefined, opensAt: null, held: 0 };
      const opensAt = nextOpening(hours, now);
      return { hours, inHours: false, opensAt, held: await heldIn(channel, `hours-${opensAt}`) };
    },
    setHours: (channel, hours) =>
      ledger.inChannel(channel, async () => {
        const old = await store.hours(channel);
        const now = clock.now();
        await store.setHours(channel, hours);
        if (old === undefined || isInHours(old, now)) return;
        const batchId = `hours-${nextOpening(old, now)}`;
        await enqueue(holdRelease({ channel, batchId }, now, `changed-${now}`));
      }),
    windows: async (channel) =>
      Promise.all(
        (await openWindows(channel)).map(async (window) => ({
          window,
          held: await heldIn(channel, windowBatchId(window)),
        })),
      ),
    openWindow: (draft, durationMs, random) =>
      ledger.inChannel(draft.channel, async () => {
        const open = await openWindows(draft.channel);
        if (open.length >= MAX_MAINTENANCE_WINDOWS)
          throw new BotError('command_usage', {
            message: `this channel has ${open.length} maintenance windows open already; end one first (maintenance end <id>)`,
          });
        const id = await createRuleId({
          random,
          exists: (candidate) => open.some((w) => w.id === candidate),
        });
        const now = clock.now();
        const window: MaintenanceWindow = { ...draft, id, startsAt: now, endsAt: now + durationMs };
        // The release first: a crash before the window is written leaves a release that finds nothing.
        await enqueue(holdRelease({ channel: draft.channel, batchId: windowBatchId(window) }, window.endsAt));
        await store.putWindows(draft.channel, [...open, window]);
        return window;
      }),
    endWindow: (channel, id) =>
      ledger.inChannel(channel, async () => {
        const open = await openWindows(channel);
        const window = open.find((w) => w.id === id.toLowerCase());
        if (window === undefined) return undefined;
        await store.putWindows(
          channel,
          open.filter((w) => w !== window),
        );
        await enqueue(holdRelease({ channel, batchId: windowBatchId(window) }, clock.now(), 'ended'));
        return window;
      }),
  };
}
