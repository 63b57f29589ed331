import { setTimeout as sleep } from 'node:timers/promises';
import type { Keyv } from 'keyv';
import { createKeyedMutex } from '../create-keyed-mutex.ts';
import { BotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { idListSchema } from './rule-schema.ts';

export interface CreateIdListsOptions {
  keyv: Keyv;
  log: Logger;
  /** Write rounds before an edit gives up with store_unavailable (default 6). */
  attempts?: number;
  /** Upper bound of the random pause before the first check; later ones double (default 8 ms). */
  jitterMs?: number;
  /**
   * How long an edit keeps checking, and re-applying, itself after its write (default 60 ms);
   * 0 checks once. Only a store shared with other processes needs it.
   */
  settleMs?: number;
}

/** Lists of ids stored as one keyv value each, edited so that concurrent editors converge. */
export interface IdLists {
  read(key: string): Promise<string[]>;
  add(key: string, id: string): Promise<void>;
  remove(key: string, ids: readonly string[]): Promise<void>;
}

interface Intent {
  readonly id: string;
  readonly listed: boolean;
}

const holds = (intent: Intent, ids: readonly string[]) => ids.includes(intent.id) === intent.listed;

/**
 * keyv has no compare-and-set, so an edit is a read-modify-write that a concurrent editor can undo.
 * In this instance, the read-modify-writes of one list are serialized. Against other processes, an
 * edit stays "live" for settleMs after its write: it re-reads the list at jittered, doubling pauses,
 * and every write of the list re-applies all live edits of this instance, so a stale write that
 * lands within that window is repaired. One landing later is not (see create-keyv-rule-store.ts).
 */
export function createIdLists(options: CreateIdListsOptions): IdLists {
  const { keyv, log } = options;
  const attempts = options.attempts ?? 6;
  const jitterMs = options.jitterMs ?? 8;
  const settleMs = options.settleMs ?? 60;
  const mutex = createKeyedMutex();
  /** list key → id → the newest live intent of this instance about that id. */
  const live = new Map<string, Map<string, Intent>>();

  const read = async (key: string): Promise<string[]> => {
    const parsed = idListSchema.safeParse((await keyv.get<unknown>(key)) ?? []);
    if (parsed.success) return parsed.data;
    log.warn({ key, issues: parsed.error.issues.length }, 'corrupt rule id list ignored');
    return [];
  };

  const write = (key: string) =>
    mutex.run(key, async () => {
      const intents = [...(live.get(key)?.values() ?? [])];
      const ids = await read(key);
      if (intents.every((intent) => holds(intent, ids))) return;
      const dropped = new Set(intents.filter((intent) => !intent.listed).map((intent) => intent.id));
      const kept = ids.filter((id) => !dropped.has(id));
      const added = intents.filter((intent) => intent.listed && !kept.includes(intent.id));
      await keyv.set(key, [...kept, ...added.map((intent) => intent.id)]);
    });

  /** True once `mine` has held for settleMs (or been superseded), false as soon as it does not hold. */
  const watch = async (key: string, mine: readonly Intent[]) => {
    const since = performance.now();
    for (let check = 0; ; check += 1) {
      const pause = Math.random() * jitterMs * 2 ** check;
      if (pause > 0) await sleep(pause);
      const current = mine.filter((intent) => live.get(key)?.get(intent.id) === intent);
      if (current.length === 0) return true;
      const ids = await read(key);
      if (!current.every((intent) => holds(intent, ids))) return false;
      if (performance.now() - since >= settleMs) return true;
    }
  };

  const edit = async (key: string, mine: readonly Intent[]) => {
    if (mine.length === 0) return;
    const table = live.get(key) ?? new Map<string, Intent>();
    live.set(key, table);
    for (const intent of mine) table.set(intent.id, intent);
    try {
      for (let round = 1; round <= attempts; round += 1) {
        await write(key);
        if (await watch(key, mine)) return;
      }
      log.warn({ key, attempts }, 'rule id list kept losing concurrent edits');
      throw new BotError('store_unavailable', {
        message: 'rule id list did not settle',
        details: { key, attempts },
      });
    } finally {
      for (const intent of mine) if (table.get(intent.id) === intent) table.delete(intent.id);
      if (table.size === 0 && live.get(key) === table) live.delete(key);
    }
  };

  return {
    read,
    add: (key, id) => edit(key, [{ id, listed: true }]),
    remove: (key, ids) =>
      edit(
        key,
        ids.map((id) => ({ id, listed: false })),
      ),
  };
}
