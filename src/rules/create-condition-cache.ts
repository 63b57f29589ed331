import { compileCondition, type FactTest } from './compile-condition.ts';
import { formatCondition } from './format-subscription.ts';
import type { Condition } from './rule.ts';

/**
 * Shares one compiled test among equal conditions (`urgency>=high`, `status=closed,rejected`, one
 * community's id): with many rules most conditions repeat, so this keeps the index small. Counted,
 * so that a test goes when its last rule does.
 */
export interface ConditionCache {
  /** The tests of the conditions, all or none (a condition that does not compile throws). */
  acquireAll(conditions: readonly Condition[]): FactTest[];
  releaseAll(conditions: readonly Condition[]): void;
  readonly size: number;
}

export function createConditionCache(): ConditionCache {
  const tests = new Map<string, { test: FactTest; users: number }>();
  const acquire = (condition: Condition): FactTest => {
    const key = formatCondition(condition);
    const cached = tests.get(key);
    if (cached) {
      cached.users += 1;
      return cached.test;
    }
    const test = compileCondition(condition);
    tests.set(key, { test, users: 1 });
    return test;
  };
  const release = (condition: Condition): void => {
    const key = formatCondition(condition);
    const cached = tests.get(key);
    if (!cached) return;
    cached.users -= 1;
    if (cached.users === 0) tests.delete(key);
  };
  return {
    acquireAll(conditions) {
      const acquired: FactTest[] = [];
      try {
        for (const condition of conditions) acquired.push(acquire(condition));
      } catch (error) {
        for (const condition of conditions.slice(0, acquired.length)) release(condition);
        throw error;
      }
      return acquired;
    },
    releaseAll(conditions) {
      for (const condition of conditions) release(condition);
    },
    get size() {
      return tests.size;
    },
  };
}
