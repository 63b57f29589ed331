import { describe, expect, it } from 'vitest';
import { BotError } from '../../src/errors.ts';
import { formatSubscription } from '../../src/rules/format-subscription.ts';
import { parseSubscription } from '../../src/rules/parse-subscription.ts';
import { remindPlanSchema } from '../../src/rules/remind-plan-schema.ts';
import type { RemindPlan } from '../../src/rules/rule.ts';

const MINUTE = 60_000;
const usage = (line: string): string => {
  try {
    parseSubscription(line);
  } catch (error) {
    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).code).toBe('command_usage');
    return (error as BotError).message;
  }
  throw new Error(`no error for ${line}`);
};

describe('subscribe … --remind / --escalate', () => {
  it.each<[string, RemindPlan]>([
    ['alert-raised --remind 15m', { afterMs: 15 * MINUTE, escalate: null }],
    ['alert-updated status=pending --remind=1h30m', { afterMs: 90 * MINUTE, escalate: null }],
    [
      'alert-raised --remind 15m --escalate @SecOps-Leads,@boss 30m',
      {
        afterMs: 15 * MINUTE,
        escalate: { mentions: [{ name: 'secops-leads' }, { name: 'boss' }], afterMs: 30 * MINUTE },
      },
    ],
    [
      'alert-raised --escalate=@leads 2d --remind 24h --notify @oncall',
      {
        afterMs: 24 * 60 * MINUTE,
        escalate: { mentions: [{ name: 'leads' }], afterMs: 2 * 24 * 60 * MINUTE },
      },
    ],
  ])('reads %s', (line, plan) => {
    const draft = parseSubscription(line);
    expect(draft.remind).toEqual(plan);
    // The summary reads back into the same rule, and the plan passes the stored schema.
    expect(parseSubscription(formatSubscription(draft))).toEqual(draft);
    expect(remindPlanSchema.parse(plan)).toEqual(plan);
  });

  it.each([
    ['report --remind 15m', '--remind only works with alert-raised and alert-updated'],
    ['intake-silent intake=x for=1h --remind 15m', '--remind only works with alert-raised and alert-updated'],
    ['alert-raised --escalate @leads 30m', '--escalate needs --remind first'],
    ['alert-raised --remind', '--remind needs a duration'],
    ['alert-raised --remind 30s', '"--remind" takes a duration like'],
    ['alert-raised --remind 25h', '"--remind" must be between 1m and 24h, got "25h"'],
    ['alert-raised --remind 15m --escalate @leads', '--escalate needs names then a duration'],
    ['alert-raised --remind 15m --escalate @leads --name x', '--escalate needs names then a duration'],
    [
      'alert-raised --remind 15m --escalate @leads 15m',
      '--escalate must come later than the reminder (15m), got 15m',
    ],
    ['alert-raised --remind 15m --escalate @leads 8d', '"--escalate" must be between 2m and 7d, got "8d"'],
    ['alert-raised --remind 15m --escalate @all 30m', '--escalate @all is refused'],
    ['alert-raised --remind 15m --escalate leads 30m', '--escalate takes @names'],
    ['alert-raised --remind 15m --remind 20m', '--remind is given twice'],
  ])('refuses %s', (line, message) => {
    expect(usage(line)).toContain(message);
  });

  it('stored plans out of bounds or with bad names are refused by the schema', () => {
    expect(remindPlanSchema.safeParse({ afterMs: 1_000, escalate: null }).success).toBe(false);
    const badName = { afterMs: MINUTE, escalate: { mentions: [{ name: 'all' }], afterMs: 2 * MINUTE } };
    expect(remindPlanSchema.safeParse(badName).success).toBe(false);
  });
});
