import { type CronDriver, createCronDriver } from '../../src/scheduler/create-cron-driver.ts';

export interface ManualCron extends CronDriver {
  /** The tasks scheduled and not cancelled: job name → expression. */
  scheduled(): Map<string, string>;
  /** The cron tick of a job, as node-cron would fire it. */
  fire(name: string): void;
}

/** node-cron's validation, ticks fired by hand. */
export function createManualCron(): ManualCron {
  const real = createCronDriver();
  const tasks = new Map<string, { expression: string; fire: () => void }>();
  return {
    problems: (expression) => real.problems(expression),
    schedule({ name, expression, fire }) {
      tasks.set(name, { expression, fire });
      return () => tasks.delete(name);
    },
    scheduled: () => new Map([...tasks].map(([name, task]) => [name, task.expression])),
    fire(name) {
      const task = tasks.get(name);
      if (task === undefined) throw new Error(`no cron task for ${name}`);
      task.fire();
    },
  };
}
