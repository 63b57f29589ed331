import { describe, expect, it } from 'vitest';
import type { AlertNotification } from '../../src/normalize/notification.ts';
import { alertFacts } from '../../src/rules/alert-facts.ts';
import { createRuleId, normalizeRuleId, RULE_ID_ALPHABET } from '../../src/rules/create-rule-id.ts';
import { evaluateRule } from '../../src/rules/evaluate-rule.ts';
import { formatDuration, parseDuration } from '../../src/rules/parse-duration.ts';
import { LYON_UUID, ruleFrom, T0 } from './rule-fixtures.ts';
import { seededRandom } from './seeded-random.ts';

const notification: AlertNotification = {
  kind: 'alert',
  trigger: 'alert-updated',
  event: { id: 'e1', type: 'alert', action: 'updated', createdAt: '', receivedAt: T0 },
  alert: {
    uuid: 'a1',
    shortId: 'ALx',
    title: 't',
    urgency: 68,
    urgencyLevel: 'medium',
    status: { uuid: undefined, name: 'Acknowledged' },
    entity: { uuid: LYON_UUID, name: 'Lyon HQ' },
    rule: { uuid: undefined, name: undefined },
    alertType: { category: 'intrusions', value: 'system-compromise' },
    assets: [],
    occurrences: 12,
    firstSeenAt: undefined,
    lastSeenAt: undefined,
    communityUuid: undefined,
    link: 'https://app.sekoia.io/operations/alerts/ALx',
  },
  changes: ['status', 'occurrence'],
  enriched: true,
  workflow: [],
  observedAt: T0,
};

describe('alertFacts', () => {
  it.each([
    ['alert-updated urgency=medium status=acknowledged entity="lyon hq"', true],
    ['alert-updated change=occurrence recurrence>=12 type=system-compromise', true],
    ['alert-updated change=urgency', false],
    ['alert-updated rule~x', false],
    ['alert-updated criticality>=50', false],
    ['alert-raised urgency>=medium', true],
  ])('%s → %s', (line, expected) => {
    expect(evaluateRule(ruleFrom(line), alertFacts(notification), T0)).toBe(expected);
  });

  it('takes the asset criticality when the caller knows it', () => {
    const facts = alertFacts(notification, { criticality: 60 });
    expect(evaluateRule(ruleFrom('alert-updated criticality>=50'), facts, T0)).toBe(true);
  });
});

describe('rule ids', () => {
  it('are four characters from the unambiguous alphabet, a letter first', async () => {
    const random = seededRandom(1);
    for (let i = 0; i < 200; i++) {
      const id = await createRuleId({ random, exists: () => false });
      expect(id).toMatch(/^[a-z][a-z2-9]{3}$/);
      expect([...id].every((ch) => RULE_ID_ALPHABET.includes(ch))).toBe(true);
      expect(normalizeRuleId(id.toUpperCase())).toBe(id);
    }
  });

  it('grow longer when the short ones are taken', async () => {
    const id = await createRuleId({
      random: seededRandom(2),
      exists: async (candidate) => candidate.length < 6,
    });
    expect(id).toHaveLength(6);
  });

  it('give up with a coded error only when every length is taken', async () => {
    await expect(createRuleId({ random: seededRandom(3), exists: () => true })).rejects.toMatchObject({
      code: 'rule_id_unavailable',
    });
  });

  it.each(['r0k2', 'r7k', '7k2a', 'r7k2!', ''])('refuse %j as a rule id', (text) => {
    expect(normalizeRuleId(text)).toBeUndefined();
  });
});

describe('durations', () => {
  it.each([
    ['30m', 1_800_000, '30m'],
    ['2h', 7_200_000, '2h'],
    ['1h30m', 5_400_000, '1h30m'],
    ['1d', 86_400_000, '24h'],
    ['7D', 604_800_000, '7d'],
    ['36h', 129_600_000, '1d12h'],
  ])('%s is %i ms, written %s', (text, ms, written) => {
    expect(parseDuration(text)).toBe(ms);
    expect(formatDuration(ms)).toBe(written);
  });

  it.each([
    ['8d', '"duration" must be between 1m and 7d, got "8d"'],
    ['0m', '"duration" must be between 1m and 7d, got "0m"'],
    ['2 hours', '"duration" takes a duration like 30m, 2h, 1h30m or 1d, got "2 hours"'],
    ['', '"duration" takes a duration like 30m, 2h, 1h30m or 1d, got ""'],
  ])('refuse %j for a mute', (text, message) => {
    expect(() => parseDuration(text)).toThrow(expect.objectContaining({ code: 'command_usage', message }));
  });
});

describe('rules as stored', () => {
  it('survive a JSON round trip unchanged', () => {
    const rule = ruleFrom('alert-raised urgency>=high entity="Lyon HQ" --name "Lyon"');
    expect(JSON.parse(JSON.stringify(rule))).toEqual(rule);
    expect(rule).toMatchObject({ id: 'r7k2', mute: null, matchCount: 0, lastMatchAt: null, createdAt: T0 });
  });
});
