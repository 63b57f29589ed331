import type { Config } from '../../config/load-config.ts';
import type { Logger } from '../../log.ts';
import { createStore, type Store } from '../../storage/create-store.ts';

/** The configured store as the doctor's checks share it: opened once, on first use. */
export interface DoctorStore {
  /** Resolves once the store answers a ping; rejects (and keeps rejecting) when it cannot. */
  open(): Promise<Store>;
  close(): Promise<void>;
}

/**
 * Opens STORE_URL lazily and remembers the answer, so that the checks after a failed store say
 * "skipped: the store does not answer" at once instead of each waiting out its own timeout.
 */
export function createDoctorStore(options: {
  config: Pick<Readonly<Config>, 'STORE_URL'>;
  log: Logger;
  pingTimeoutMs?: number;
}): DoctorStore {
  let opened: Promise<Store> | undefined;
  let store: Store | undefined;
  const open = async () => {
    store = await createStore({
      url: options.config.STORE_URL,
      log: options.log,
      ...(options.pingTimeoutMs === undefined ? {} : { pingTimeoutMs: options.pingTimeoutMs }),
    });
    await store.ping();
    return store;
  };
  return {
    open: () => {
      opened ??= open();
      return opened;
    },
    close: async () => {
      await store?.close();
    },
  };
}
