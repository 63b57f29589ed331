/**
 * Recovery that notices. The worker tells which dependency its retried jobs wait for; the clients
 * of that dependency report each success. The first success after jobs began to wait calls
 * `onRecovered` once, which brings those jobs forward instead of leaving them to their backoff.
 */
export interface RecoveryNotifier {
  /** Jobs now wait for this dependency (a job failed on its outage and was queued again). */
  waiting(dependency: string): void;
  /** A request to this dependency succeeded (cheap when nothing waits for it). */
  succeeded(dependency: string): void;
  /** Who brings waiting work forward (set once the queue and the worker exist). */
  onRecovered(listener: (dependency: string) => void): void;
}

export function createRecoveryNotifier(): RecoveryNotifier {
  const waiting = new Set<string>();
  let listener: (dependency: string) => void = () => {};
  return {
    waiting: (dependency) => {
      waiting.add(dependency);
    },
    succeeded: (dependency) => {
      if (!waiting.delete(dependency)) return;
      listener(dependency);
    },
    onRecovered: (next) => {
      listener = next;
    },
  };
}
