import { EventEmitter } from 'node:events';
import type { DatabaseSync } from 'node:sqlite';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import { type Clock, systemClock } from '../clock.ts';
import { openSqlite } from '../sqlite/open-sqlite.ts';
import { type KeyvStatements, prepareKeyvStatements } from './prepare-keyv-statements.ts';

export interface SqliteKeyvStoreOptions {
  /** A database opened by the caller, who keeps ownership (disconnect() leaves it open). */
  db?: DatabaseSync;
  /** Opened with openSqlite() and closed by disconnect(); ignored when `db` is given. */
  path?: string;
  table?: string;
  namespace?: string;
  clock?: Clock;
  /** Rows fetched per page by iterator(). */
  iterationLimit?: number;
}

interface Row {
  key: string;
  value: string;
}

/**
 * Keys that belong to `namespace`, as a half-open range: exact, case-sensitive and served by the
 * primary key index, unlike LIKE (ASCII case-insensitive in SQLite, and `%`/`_` need escaping).
 */
export function namespaceRange(namespace: string | undefined): { from: string; to: string | null } {
  return namespace ? { from: `${namespace}:`, to: `${namespace};` } : { from: '', to: null };
}

const asRow = (row: unknown): Row => row as Row;

/** keyv v5 store adapter on Node's built-in node:sqlite; keys carry keyv's `namespace:` prefix. */
export class SqliteKeyvStore extends EventEmitter implements KeyvStoreAdapter {
  readonly opts: SqliteKeyvStoreOptions & { dialect: 'sqlite'; table: string };
  namespace?: string | undefined;
  readonly db: DatabaseSync;
  readonly #ownsDb: boolean;
  readonly #statements: KeyvStatements;
  readonly #clock: Clock;

  constructor(options: SqliteKeyvStoreOptions = {}) {
    super();
    this.opts = { table: 'keyv', ...options, dialect: 'sqlite' };
    this.namespace = options.namespace;
    this.#ownsDb = options.db === undefined;
    this.db = options.db ?? openSqlite(options.path ?? ':memory:');
    this.#clock = options.clock ?? systemClock;
    this.#statements = prepareKeyvStatements(this.db, this.opts.table);
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    const row = this.#statements.get.get(key, this.#clock.now());
    return row === undefined ? undefined : (asRow(row).value as Value);
  }

  async getMany<Value>(keys: string[]): Promise<Array<StoredData<Value | undefined>>> {
    const rows = this.#statements.getMany.all(JSON.stringify(keys), this.#clock.now()).map(asRow);
    const byKey = new Map(rows.map((row) => [row.key, row.value]));
    return keys.map((key) => byKey.get(key) as Value | undefined);
  }

  async set(key: string, value: unknown, ttl?: number): Promise<void> {
    this.#write(key, value, ttl);
  }

  async setMany(entries: Array<{ key: string; value: unknown; ttl?: number }>): Promise<void> {
    // A savepoint nests inside a transaction the caller may hold on a shared connection.
    this.db.exec('SAVEPOINT keyv_set_many');
    try {
      for (const entry of entries) this.#write(entry.key, entry.value, entry.ttl);
    } catch (error) {
      this.db.exec('ROLLBACK TO keyv_set_many');
      throw error;
    } finally {
      this.db.exec('RELEASE keyv_set_many');
    }
  }

  /** Writes `value` (already serialized by keyv) unless a live value is there; true when written. */
  insertIfAbsent(key: string, value: string): boolean {
    return Number(this.#statements.insert.run(key, value, this.#clock.now()).changes) === 1;
  }

  async delete(key: string): Promise<boolean> {
    return Number(this.#statements.delete.run(key).changes) > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    return Number(this.#statements.deleteMany.run(JSON.stringify(keys)).changes) > 0;
  }

  /** Removes this namespace's keys only; without a namespace, the whole table. */
  async clear(): Promise<void> {
    const { from, to } = namespaceRange(this.namespace);
    if (to === null) this.#statements.deleteAll.run();
    else this.#statements.deleteRange.run(from, to);
  }

  async has(key: string): Promise<boolean> {
    return this.#statements.has.get(key, this.#clock.now()) !== undefined;
  }

  async *iterator<Value>(
    namespace?: string,
  ): AsyncGenerator<Array<string | Awaited<Value> | undefined>, void> {
    const { from, to } = namespaceRange(namespace);
    const limit = this.opts.iterationLimit ?? 100;
    let after: string | null = null;
    while (true) {
      const rows: Row[] = this.#statements.page.all(from, to, after, this.#clock.now(), limit).map(asRow);
      for (const row of rows) yield [row.key, row.value as Awaited<Value>];
      const last: Row | undefined = rows.at(-1);
      if (last === undefined || rows.length < limit) return;
      after = last.key;
    }
  }

  /** Deletes expired rows of every namespace; returns how many went. */
  deleteExpired(): number {
    return Number(this.#statements.deleteExpired.run(this.#clock.now()).changes);
  }

  async disconnect(): Promise<void> {
    if (this.#ownsDb && this.db.isOpen) this.db.close();
  }

  #write(key: string, value: unknown, ttl: number | undefined): void {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const expires = typeof ttl === 'number' && ttl > 0 ? this.#clock.now() + ttl : null;
    this.#statements.set.run(key, text, expires);
  }
}
