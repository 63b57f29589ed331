import type { JobQueue } from './job-queue.ts';
import { summarizeDeadJob } from './summarize-dead-job.ts';

/** `npm run queue -- …`: 0 done, 1 no such dead job (or the queue failed), 2 bad usage. */
export const QUEUE_EXIT = { ok: 0, notFound: 1, usage: 2 } as const;

export const QUEUE_USAGE = `Usage: npm run queue -- <command>

  dead [--limit N]   list the dead letters, newest first (default 50, at most 1000)
  retry <id>         put one dead letter back in the queue, due now, attempts reset
  retry --all        put every dead letter back
  drop <id>          forget one dead letter for good

The queue is the bot's own (STORE_URL, QUEUE_PATH from the environment or .env);
it is safe to run while the bot runs.
`;

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1_000;
/** A job id as every engine writes it (row ids, BullMQ ids): nothing an operator must quote. */
const JOB_ID = /^[A-Za-z0-9:_-]{1,100}$/;

export type QueueCommand =
  | { op: 'dead'; limit: number }
  | { op: 'retry'; id: string }
  | { op: 'retry-all' }
  | { op: 'drop'; id: string };

/** Reads the command line (the words after `--`); a string is the usage problem. */
export function parseQueueCommand(args: readonly string[]): QueueCommand | string {
  const [verb, ...rest] = args;
  if (verb === 'dead') {
    if (rest.length === 0) return { op: 'dead', limit: DEFAULT_LIMIT };
    const [flag, value, ...extra] = rest;
    if (flag !== '--limit' || value === undefined || extra.length > 0) return 'dead takes only --limit N';
    const limit = /^[0-9]{1,4}$/.test(value) ? Number(value) : Number.NaN;
    if (!(limit >= 1 && limit <= MAX_LIMIT)) return `--limit must be a number from 1 to ${MAX_LIMIT}`;
    return { op: 'dead', limit };
  }
  if (verb === 'retry' || verb === 'drop') {
    const [target, ...extra] = rest;
    if (target === undefined || extra.length > 0)
      return `${verb} takes one job id${verb === 'retry' ? ' or --all' : ''}`;
    if (verb === 'retry' && target === '--all') return { op: 'retry-all' };
    if (!JOB_ID.test(target)) return `"${target.slice(0, 40)}" is not a job id`;
    return { op: verb, id: target };
  }
  return verb === undefined ? 'a command is needed' : `unknown command "${verb.slice(0, 40)}"`;
}

/** Runs one command against the queue, writing its report to `out`; resolves with the exit code. */
export async function runQueueCommand(
  queue: JobQueue,
  command: QueueCommand,
  out: (line: string) => void,
  now: number,
): Promise<number> {
  switch (command.op) {
    case 'dead': {
      const [jobs, stats] = await Promise.all([queue.deadLetters(command.limit), queue.stats()]);
      if (jobs.length === 0) {
        out('No dead letters.');
        return QUEUE_EXIT.ok;
      }
      out(
        `${stats.dead} dead letter${stats.dead === 1 ? '' : 's'}${stats.dead > jobs.length ? `, the ${jobs.length} newest shown` : ''}:`,
      );
      for (const job of jobs) {
        const s = summarizeDeadJob(job, now);
        out(
          `${s.id}  ${s.kind}  ${s.age} old, ${s.attempts} attempt${s.attempts === 1 ? '' : 's'}  ${s.payload}`,
        );
        out(`    reason: ${s.reason}`);
      }
      return QUEUE_EXIT.ok;
    }
    case 'retry':
      if (!(await queue.retryDead(command.id))) return notFound(command.id, out);
      out(`Dead letter ${command.id} is back in the queue.`);
      return QUEUE_EXIT.ok;
    case 'retry-all': {
      const count = await queue.retryAllDead();
      out(`${count} dead letter${count === 1 ? '' : 's'} back in the queue.`);
      return QUEUE_EXIT.ok;
    }
    case 'drop':
      if (!(await queue.dropDead(command.id))) return notFound(command.id, out);
      out(`Dead letter ${command.id} dropped.`);
      return QUEUE_EXIT.ok;
  }
}

function notFound(id: string, out: (line: string) => void): number {
  out(`No dead letter with id ${id} (see npm run queue -- dead).`);
  return QUEUE_EXIT.notFound;
}
