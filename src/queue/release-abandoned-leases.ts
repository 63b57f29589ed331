import type { DatabaseSync } from 'node:sqlite';

/**
 * After a crash, the jobs the dead process was running would wait for their lease to run out;
 * release them now when their owner is gone, so a restart picks them up at once.
 */
export function releaseAbandonedLeases(
  db: DatabaseSync,
  now: number,
  self: number,
  isAlive: (pid: number) => boolean,
): void {
  const owners = db
    .prepare(
      `SELECT DISTINCT lease_owner AS pid FROM queue_jobs WHERE lease_until > ? AND lease_owner IS NOT NULL`,
    )
    .all(now) as { pid: number }[];
  const release = db.prepare(
    'UPDATE queue_jobs SET lease_until = NULL WHERE lease_owner = ? AND lease_until > ?',
  );
  for (const { pid } of owners) {
    if (pid !== self && !isAlive(pid)) release.run(pid, now);
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
