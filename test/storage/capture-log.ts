import { randomUUID } from 'node:crypto';
import { createLogger, type Logger } from '../../src/log.ts';

export interface CapturedLog {
  log: Logger;
  lines: string[];
  records(): Array<Record<string, unknown>>;
}

/** A real pino logger writing into memory, so tests can read what an operator would see. */
export function captureLog(): CapturedLog {
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', destination: { write: (line: string) => lines.push(line) } });
  return { log, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/** A namespace no other test run uses (letters, digits and '-' only, as createStore requires). */
export function uniqueNamespace(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}
