import type { Clock } from '../clock.ts';
import type { CardHistory } from '../delivery/card-history.ts';
import type { CardSinks } from '../delivery/card-sink.ts';
import type { CardLock } from '../delivery/create-card-lock.ts';
import { createDigestJobHandler } from '../delivery/create-digest-job-handler.ts';
import { createDigestPanel, type DigestPanel } from '../delivery/create-digest-panel.ts';
import { digestRunJob } from '../delivery/digest-setting.ts';
import type { Logger } from '../log.ts';
import { defineJob, type JobTableEntry } from '../queue/define-jobs.ts';
import type { NewJob } from '../queue/job-queue.ts';
import { createKeyvCardHistory } from '../storage/create-keyv-card-history.ts';
import { createKeyvDigestStore } from '../storage/create-keyv-digest-store.ts';
import type { Store } from '../storage/create-store.ts';
import { CARD_JOB_MAX_ATTEMPTS } from './compose-jobs.ts';

interface DigestDeps {
  store: Store;
  log: Logger;
  clock: Clock;
  enqueue: (job: NewJob) => Promise<unknown>;
}

/** What `digest` sees and changes. */
export function composeDigestPanel(deps: DigestDeps): DigestPanel {
  const store = createKeyvDigestStore({ keyv: deps.store.keyv('digest'), log: deps.log });
  return createDigestPanel({ store, enqueue: deps.enqueue, clock: deps.clock });
}

/**
 * The cards' history the card job writes (per card, like the card map: `process` durability), and
 * the job that posts each channel's daily digest from it.
 */
export function composeDigests(deps: DigestDeps & { sinks: CardSinks; lock: CardLock | undefined }): {
  history: CardHistory;
  jobs: JobTableEntry[];
} {
  const { store, log, clock, sinks, lock, enqueue } = deps;
  const keyv = store.keyv('history', { durability: 'process' });
  const history = createKeyvCardHistory({ keyv, log, lock });
  const digests = createKeyvDigestStore({ keyv: store.keyv('digest'), log });
  const handle = createDigestJobHandler({
    ...{ store: digests, history, sinks, enqueue, clock },
    ...(lock ? { lock } : {}),
  });
  return { history, jobs: [defineJob(digestRunJob, { handle, maxAttempts: CARD_JOB_MAX_ATTEMPTS })] };
}
