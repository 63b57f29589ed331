import { compileCondition, type FactTest } from './compile-condition.ts';
import { formatCondition } from './format-subscription.ts';
import { type Condition, OPERATORS } from './rule.ts';
import { CONDITION_KEYS } from './triggers.ts';

/** A condition and its compiled test, one copy shared by every rule that has the condition. */
export interface SharedCondition {
  readonly condition: Condition;
  readonly test: FactTest;
}

/**
 * Shares equal conditions (`urgency>=high`, `status=closed,rejected`, one community's id) with
 * their compiled tests: with many rules most conditions repeat, so this keeps the index small.
 * Counted, so that a condition goes when its last rule does.
 */
export interface ConditionCache {
  /** The rule's conditions, shared, in order; all or none (one that does not compile throws). */
  acquire(conditions: readonly Condition[]): SharedCondition[];
  release(conditions: readonly Condition[]): void;
  /** Distinct conditions held. */
  readonly size: number;
}

// The count lives in the shared record itself: a wrapper per record would cost as much again.
interface CountedCondition extends SharedCondition {
  users: number;
}

export function createConditionCache(): ConditionCache {
  const shared = new Map<string, CountedCondition>();
  const acquireOne = (condition: Condition): CountedCondition => {
    const key = formatCondition(condition);
    const known = shared.get(key);
    if (known) {
      known.users += 1;
      return known;
    }
    const made = shareCondition(condition);
    shared.set(key, made);
    return made;
  };
  const releaseOne = (condition: Condition) => {
    const key = formatCondition(condition);
    const known = shared.get(key);
    if (known) known.users -= 1;
    if (known?.users === 0) shared.delete(key);
  };
  return {
    acquire(conditions) {
      const acquired: SharedCondition[] = [];
      try {
        for (const condition of conditions) acquired.push(acquireOne(condition));
      } catch (error) {
        for (const condition of conditions.slice(0, acquired.length)) releaseOne(condition);
        throw error;
      }
      // At its exact size: a pushed-to array keeps room for more.
      return acquired.slice();
    },
    release(conditions) {
      for (const condition of conditions) releaseOne(condition);
    },
    get size() {
      return shared.size;
    },
  };
}

/**
 * A copy, so that the shared condition holds nothing of the rule it came from, with the key and
 * operator as the constants (a parsed rule has its own copy of every string).
 */
function shareCondition({ key, op, values }: Condition): CountedCondition {
  const condition: Condition = {
    key: CONDITION_KEYS.find((known) => known === key) ?? key,
    op: OPERATORS.find((known) => known === op) ?? op,
    values: values.slice(),
  };
  return { condition, test: compileCondition(condition), users: 1 };
}
