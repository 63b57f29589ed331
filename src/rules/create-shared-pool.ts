/**
 * One copy of each value, by key, counted: most of the index's rules share their channel and
 * their creator with others, so each is stored once and dropped with its last rule.
 */
export interface SharedPool<T> {
  /** The value stored under the key, made by `make` when there is none yet. */
  acquire(key: string, make: () => T): T;
  /** Gives one use of the key back; the value goes with the last one. */
  release(key: string): void;
  readonly size: number;
}

export function createSharedPool<T>(): SharedPool<T> {
  const values = new Map<string, { value: T; users: number }>();
  return {
    acquire(key, make) {
      const shared = values.get(key);
      if (shared) {
        shared.users += 1;
        return shared.value;
      }
      const value = make();
      values.set(key, { value, users: 1 });
      return value;
    },
    release(key) {
      const shared = values.get(key);
      if (shared) shared.users -= 1;
      if (shared?.users === 0) values.delete(key);
    },
    get size() {
      return values.size;
    },
  };
}
