/**
 * The part of `pg` (installed with @keyv/postgres, which ships no types for it) that the
 * PostgreSQL notices use: one Client of its own for LISTEN.
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
}
