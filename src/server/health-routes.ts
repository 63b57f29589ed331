import type { Request, Response } from 'restify';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/create-metrics.ts';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

const CHECK_TIMEOUT_MS = 2_000;

/** `GET /healthz`: the process is alive and serving. */
export async function healthz(_req: Request, res: Response): Promise<void> {
  res.send(200, { status: 'ok' });
}

/** `GET /readyz`: 200 when every dependency answers in time, 503 with the failing ones otherwise. */
export function createReadyz(checks: readonly ReadinessCheck[], log: Logger) {
  return async (_req: Request, res: Response): Promise<void> => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check(), CHECK_TIMEOUT_MS);
          return [name, 'ok'] as const;
        } catch (error) {
          log.warn({ check: name, err: error }, 'readiness check failed');
          return [name, 'unavailable'] as const;
        }
      }),
    );
    const ready = results.every(([, state]) => state === 'ok');
    res.send(ready ? 200 : 503, {
      status: ready ? 'ready' : 'unavailable',
      checks: Object.fromEntries(results),
    });
  };
}

/** `GET /metrics`: Prometheus text exposition. */
export function createMetricsRoute(metrics: Metrics) {
  return async (_req: Request, res: Response): Promise<void> => {
    const body = await metrics.registry.metrics();
    res.writeHead(200, { 'Content-Type': metrics.registry.contentType });
    res.end(body);
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
