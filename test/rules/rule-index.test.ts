import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { createRuleIndex } from '../../src/rules/create-rule-index.ts';
import { evaluateRule } from '../../src/rules/evaluate-rule.ts';
import type { Rule } from '../../src/rules/rule.ts';
import { TRIGGERS } from '../../src/rules/triggers.ts';
import { randomFacts, randomSubscriptionLine } from './random-subscriptions.ts';
import { alertRaised, CHANNEL, LYON_UUID, ruleFrom, T0 } from './rule-fixtures.ts';
import { pickOne, seededRandom } from './seeded-random.ts';

const ids = (rules: readonly { rule: Rule }[]) => rules.map((m) => m.rule.id).sort();

describe('createRuleIndex', () => {
  it('agrees with evaluateRule over every rule, on random rules, events and changes', () => {
    const random = seededRandom(7);
    const index = createRuleIndex();
    const rules = new Map<string, Rule>();
    for (let i = 0; i < 1500; i++) {
      const rule = ruleFrom(randomSubscriptionLine(random), `r${i.toString(36)}`);
      const muted =
        random() < 0.1
          ? { until: T0 + Math.floor(random() * 2000) - 1000, by: { id: 'u', name: 'u' } }
          : null;
      rules.set(rule.id, { ...rule, mute: muted });
      index.add({ ...rule, mute: muted });
    }
    let matched = 0;
    for (let i = 0; i < 1500; i++) {
      if (i % 10 === 0) {
        const id = pickOne(random, [...rules.keys()]);
        const next = ruleFrom(randomSubscriptionLine(random), id);
        if (random() < 0.5) {
          rules.delete(id);
          expect(index.remove(id.toUpperCase())).toBe(true);
        } else {
          rules.set(id, next);
          index.update(next);
        }
      }
      const facts = randomFacts(random);
      const now = T0 + Math.floor(random() * 2000) - 1000;
      const expected = [...rules.values()].filter((rule) => evaluateRule(rule, facts, now)).map((r) => r.id);
      const actual = index.match(facts, now);
      expect(ids(actual)).toEqual(expected.sort());
      matched += actual.length;
    }
    expect(index.size).toBe(rules.size);
    expect(matched).toBeGreaterThan(1500);
  });

  it('returns each matching rule once with its channel', () => {
    const index = createRuleIndex();
    const other = { platform: 'teams' as const, team: 'tenant-1', channel: '19:abc' };
    index.add(ruleFrom('alert-raised entity="Lyon HQ",lyon urgency>=high', 'aaaa'));
    index.add(ruleFrom(`alert-raised entity=${LYON_UUID},"Lyon HQ"`, 'bbbb', other));
    index.add(ruleFrom('alert-raised entity=Paris', 'cccc'));
    index.add(ruleFrom('report', 'dddd'));
    const found = index.match(alertRaised({ entity: [{ uuid: LYON_UUID, name: 'Lyon HQ' }] }), T0);
    expect(found.map((m) => [m.rule.id, m.channel]).sort()).toEqual([
      ['aaaa', CHANNEL],
      ['bbbb', other],
    ]);
  });

  it('matches an alert update against alert-updated and alert-raised rules', () => {
    const index = createRuleIndex();
    index.add(ruleFrom('alert-raised urgency>=high', 'rais'));
    index.add(ruleFrom('alert-updated change=status', 'updt'));
    expect(ids(index.match(alertRaised(), T0))).toEqual(['rais']);
    expect(ids(index.match(alertRaised({ trigger: 'alert-updated', change: ['status'] }), T0))).toEqual([
      'rais',
      'updt',
    ]);
    expect(ids(index.match(alertRaised({ trigger: 'alert-updated', urgency: 10 }), T0))).toEqual([]);
  });

  it('stops leaving a muted rule out at the exact instant the mute ends, without any job', () => {
    const clock = createManualClock(T0);
    const index = createRuleIndex();
    const rule = ruleFrom('alert-raised urgency>=high', 'mute');
    index.add({
      ...rule,
      mute: { until: T0 + 60_000, reason: 'maintenance', by: { id: 'u2', name: 'bob' } },
    });
    expect(index.match(alertRaised(), clock.now())).toEqual([]);
    clock.advance(59_999);
    expect(index.match(alertRaised(), clock.now())).toEqual([]);
    clock.advance(1);
    expect(ids(index.match(alertRaised(), clock.now()))).toEqual(['mute']);
    index.update(rule);
    expect(index.get('MUTE')?.mute).toBeNull();
  });

  it('forgets removed rules and replaces updated ones', () => {
    const index = createRuleIndex();
    index.add(ruleFrom('alert-raised entity=Paris', 'r7k2'));
    expect(index.match(alertRaised(), T0)).toEqual([]);
    index.update(ruleFrom('alert-raised entity="Lyon HQ"', 'R7K2'));
    expect(index.size).toBe(1);
    expect(ids(index.match(alertRaised(), T0))).toEqual(['r7k2']);
    expect(index.remove('r7k2')).toBe(true);
    expect(index.remove('r7k2')).toBe(false);
    expect(index.match(alertRaised(), T0)).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('files every trigger', () => {
    const index = createRuleIndex();
    TRIGGERS.forEach((trigger, i) => {
      const line = trigger === 'intake-silent' ? `${trigger} intake=fw for=15m` : trigger;
      index.add(ruleFrom(line, `t${'abcdefg'.charAt(i)}aa`));
    });
    expect(index.size).toBe(6);
    expect(
      index.match({ trigger: 'intake-silent', intake: [{ name: 'FW' }], for: 900_000 }, T0),
    ).toHaveLength(1);
    expect(index.match({ trigger: 'playbook-error' }, T0)).toHaveLength(1);
  });
});
