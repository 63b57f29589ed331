/**
 * The part of `pg` (installed with @keyv/postgres, which ships no types for it) that the
 * PostgreSQL notices use (one Client of its own for LISTEN) and the PostgreSQL queue uses (a Pool).
 */
declare module 'pg' {
  import type { EventEmitter } from 'node:events';

  export interface Notification {
    channel: string;
    payload?: string;
  }

  export interface ClientConfig {
    connectionString: string;
    connectionTimeoutMillis?: number;
  }

  export class Client extends EventEmitter {
    constructor(config: ClientConfig);
    connect(): Promise<void>;
    query(sql: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
    end(): Promise<void>;
    escapeIdentifier(identifier: string): string;
    on(event: 'notification', listener: (message: Notification) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    on(event: 'end', listener: () => void): this;
  }

  export interface QueryResult<R> {
    rows: R[];
    rowCount: number | null;
  }

  // Not named PoolConfig: @keyv/postgres types its options with `pg`'s PoolConfig, which must stay
  // unknown (any) here or its callers' options would be checked against this narrow subset.
  export interface QueuePoolConfig extends ClientConfig {
    max?: number;
    application_name?: string;
  }

  export interface PoolClient {
    query<R = unknown>(sql: string, values?: unknown[]): Promise<QueryResult<R>>;
    release(error?: Error | boolean): void;
    on(event: 'error', listener: (error: Error) => void): this;
    off(event: 'error', listener: (error: Error) => void): this;
  }

  export class Pool extends EventEmitter {
    constructor(config: QueuePoolConfig);
    connect(): Promise<PoolClient>;
    query<R = unknown>(sql: string, values?: unknown[]): Promise<QueryResult<R>>;
    end(): Promise<void>;
    on(event: 'error', listener: (error: Error) => void): this;
  }
}
