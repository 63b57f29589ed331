import type { Clock } from '../clock.ts';
import { createKeyedMutex } from '../create-keyed-mutex.ts';
import type { NewJob } from '../queue/job-queue.ts';
import type { ChannelRef } from '../rules/rule.ts';
import { type DigestSetting, digestRun, nextDigestAt } from './digest-setting.ts';
import type { DigestStore } from './digest-store.ts';

/** A channel's digest as `digest` shows it. */
export interface DigestView {
  setting: DigestSetting | undefined;
  /** The next run, when set. */
  nextAt: number | null;
}

/** What `digest` sees and changes. */
export interface DigestPanel {
  view(channel: ChannelRef): Promise<DigestView>;
  /** Sets (a new stamp, the first run queued) or turns off; the runs queued before find the stamp changed. */
  set(channel: ChannelRef, at: Pick<DigestSetting, 'minutes' | 'timeZone'> | undefined): Promise<DigestView>;
}

export function createDigestPanel(options: {
  store: DigestStore;
  enqueue: (job: NewJob) => Promise<unknown>;
  clock: Clock;
}): DigestPanel {
  const { store, enqueue, clock } = options;
  const mutex = createKeyedMutex();
  const view = (setting: DigestSetting | undefined): DigestView => ({
    setting,
    nextAt: setting === undefined ? null : nextDigestAt(setting, clock.now()),
  });
  return {
    view: async (channel) => view(await store.setting(channel)),
    set: (channel, at) =>
      mutex.run(`${channel.platform}|${channel.channel}`, async () => {
        if (at === undefined) {
          await store.setSetting(channel, undefined);
          return view(undefined);
        }
        // Strictly increasing in this process: two changes in the same millisecond differ.
        const before = await store.setting(channel);
        const stamp = Math.max(clock.now(), (before?.stamp ?? 0) + 1);
        const setting: DigestSetting = { ...at, stamp };
        // The run first: a crash before the setting is written leaves a run that finds another stamp.
        await enqueue(digestRun(channel, setting, nextDigestAt(setting, clock.now())));
        await store.setSetting(channel, setting);
        return view(setting);
      }),
  };
}
