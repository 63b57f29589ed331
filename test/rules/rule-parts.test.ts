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
    criticality: undefined,
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

  const SRV = { uuid: '5b2f7c1e-8a43-4d6e-b0f9-3e1c7a9d2f64', name: 'srv-db-01', criticality: 80 };
  const WS = { uuid: '9e4a2c7b-1f58-4b3d-a6e0-7c2d9f1b5e83', name: 'ws-12', criticality: 30 };
  const withAlert = (alert: Partial<AlertNotification['alert']>) =>
    alertFacts({ ...notification, alert: { ...notification.alert, ...alert } });

  it.each([
    ['the alert urgency.criticity', { criticality: 80 }, 'criticality>=70', true],
    ['the alert urgency.criticity', { criticality: 40 }, 'criticality>=70', false],
    ['the criticity before the assets', { criticality: 40, assets: [SRV] }, 'criticality>=70', false],
    ['the most critical named asset without a criticity', { assets: [WS, SRV] }, 'criticality>=70', true],
    ['the assets known', { assets: [WS] }, 'criticality>=70', false],
    ['an asset by name', { assets: [WS, SRV] }, 'asset="SRV-DB-01"', true],
    ['an asset by part of its name', { assets: [WS, SRV] }, 'asset~db', true],
    ['an asset by UUID', { assets: [SRV] }, `asset=${SRV.uuid}`, true],
    ['an unnamed asset by UUID', { assets: [{ ...SRV, name: undefined }] }, 'asset=srv-db-01', false],
  ])('reads %s: %j, %s → %s', (_what, alert, condition, expected) => {
    expect(evaluateRule(ruleFrom(`alert-updated ${condition}`), withAlert(alert), T0)).toBe(expected);
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
