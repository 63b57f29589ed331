import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../../src/rules/evaluate-rule.ts';
import type { TriggerFacts } from '../../src/rules/trigger-facts.ts';
import {
  ASSET_UUID,
  alertRaised,
  COMMUNITY_UUID,
  LYON_UUID,
  RULE_UUID,
  ruleFrom,
  T0,
} from './rule-fixtures.ts';

const updated = (o: Partial<TriggerFacts> = {}) => alertRaised({ trigger: 'alert-updated', ...o });
const report: TriggerFacts = {
  trigger: 'report',
  name: ['LockBit 3.0 returns'],
  description: ['Phishing wave against banks'],
  threat: ['LockBit'],
  sector: ['Finance', 'Insurance'],
  country: ['France'],
  tlp: 'TLP:AMBER',
  confidence: 80,
  flint: true,
};
const ruleAdded: TriggerFacts = {
  trigger: 'rule-added',
  name: ['Sigma: encoded PowerShell'],
  description: ['Detects -enc'],
  pattern: ['process.command_line:*-enc*'],
  severity: 70,
};
const silent = (ms: number): TriggerFacts => ({
  trigger: 'intake-silent',
  intake: [{ uuid: LYON_UUID, name: 'Firewall EU' }],
  for: ms,
});
const playbook = (crashed?: boolean): TriggerFacts => ({
  trigger: 'playbook-error',
  playbook: [{ name: 'Enrich IP' }],
  crashed,
});

const cases: [string, TriggerFacts, boolean][] = [
  // urgency: numbers and levels, every operator (fact 80 = high)
  ['alert-raised urgency>=high', alertRaised(), true],
  ['alert-raised urgency>=high', alertRaised({ urgency: 75 }), true],
  ['alert-raised urgency>=high', alertRaised({ urgency: 74 }), false],
  ['alert-raised urgency>high', alertRaised({ urgency: 100 }), false],
  ['alert-raised urgency>medium', alertRaised({ urgency: 75 }), true],
  ['alert-raised urgency>medium', alertRaised({ urgency: 74 }), false],
  ['alert-raised urgency=medium', alertRaised({ urgency: 50 }), true],
  ['alert-raised urgency=medium', alertRaised({ urgency: 74 }), true],
  ['alert-raised urgency=medium', alertRaised({ urgency: 75 }), false],
  ['alert-raised urgency!=medium', alertRaised({ urgency: 60 }), false],
  ['alert-raised urgency!=medium', alertRaised({ urgency: 80 }), true],
  ['alert-raised urgency<high', alertRaised({ urgency: 74 }), true],
  ['alert-raised urgency<high', alertRaised({ urgency: 75 }), false],
  ['alert-raised urgency<=medium', alertRaised({ urgency: 74 }), true],
  ['alert-raised urgency<=low', alertRaised({ urgency: 50 }), false],
  ['alert-raised urgency=80', alertRaised(), true],
  ['alert-raised urgency=low,high', alertRaised(), true],
  ['alert-raised urgency>79', alertRaised(), true],
  ['alert-raised urgency<80', alertRaised(), false],
  ['alert-raised urgency>=high', alertRaised({ urgency: undefined }), false],
  ['alert-raised urgency!=high', alertRaised({ urgency: undefined }), true],
  // names vs UUIDs, case-insensitive
  ['alert-raised entity="lyon hq"', alertRaised(), true],
  [`alert-raised entity=${LYON_UUID.toUpperCase()}`, alertRaised(), true],
  ['alert-raised entity=Lyon', alertRaised(), false],
  ['alert-raised entity~LYON', alertRaised(), true],
  [`alert-raised entity~${LYON_UUID.slice(0, 8)}`, alertRaised(), false],
  ['alert-raised entity!=Paris,Lille', alertRaised(), true],
  ['alert-raised entity!=Paris,"Lyon HQ"', alertRaised(), false],
  ['alert-raised entity!=Paris', alertRaised({ entity: [] }), true],
  ['alert-raised entity=Paris,"Lyon HQ"', alertRaised(), true],
  [`alert-raised rule=${RULE_UUID}`, alertRaised(), true],
  ['alert-raised rule="Suspicious PowerShell"', alertRaised(), true],
  ['alert-raised rule~powershell', alertRaised(), true],
  [`alert-raised asset=${ASSET_UUID}`, alertRaised(), true],
  ['alert-raised asset=db-01', alertRaised(), false],
  ['alert-raised asset=db-01', alertRaised({ asset: [{ uuid: ASSET_UUID, name: 'DB-01' }] }), true],
  ['alert-raised status=pending,acknowledged', alertRaised(), true],
  ['alert-raised status=2EFC4930-1442-4ABB-ACF2-58BA219A4FD0', alertRaised(), true],
  ['alert-raised status!=pending', alertRaised(), false],
  ['alert-raised status=closed', alertRaised(), false],
  [`alert-raised community=${COMMUNITY_UUID}`, alertRaised(), true],
  [`alert-raised community!=${COMMUNITY_UUID}`, alertRaised(), false],
  ['alert-raised type=malware', alertRaised(), true],
  ['alert-raised type=MALICIOUS-CODE', alertRaised(), true],
  ['alert-raised type~intrusion', alertRaised(), false],
  ['alert-raised criticality>=50', alertRaised({ criticality: 60 }), true],
  ['alert-raised criticality>=50', alertRaised(), false],
  ['alert-raised urgency>=high entity="Lyon HQ"', alertRaised(), true],
  ['alert-raised urgency>=high entity="Paris"', alertRaised(), false],
  // alert-updated: change and recurrence
  ['alert-updated change=status', updated({ change: ['status'] }), true],
  ['alert-updated change=status', updated({ change: ['urgency', 'occurrence'] }), false],
  ['alert-updated change=status,urgency', updated({ change: ['urgency'] }), true],
  ['alert-updated change!=occurrence', updated({ change: ['occurrence'] }), false],
  ['alert-updated change!=occurrence', updated({ change: ['status'] }), true],
  [
    'alert-updated change=status status=closed,rejected',
    updated({ change: ['status'], status: [{ name: 'Closed' }] }),
    true,
  ],
  ['alert-updated recurrence>=10', updated({ recurrence: 10 }), true],
  ['alert-updated recurrence>=10', updated({ recurrence: 9 }), false],
  ['alert-updated recurrence>1', updated(), true],
  // triggers: alert-updated rules never fire on a raise; alert-raised rules fire on updates too
  ['alert-updated urgency>=high', alertRaised(), false],
  ['alert-raised urgency>=high', updated(), true],
  ['report', alertRaised(), false],
  // report
  ['report tlp=amber,red flint=true', report, true],
  ['report tlp=red', report, false],
  ['report tlp>=green', report, true],
  ['report tlp>amber', report, false],
  ['report tlp<=amber+strict', report, true],
  ['report tlp!=amber', report, false],
  ['report tlp=white', { ...report, tlp: 'TLP:CLEAR' }, true],
  ['report tlp=clear', { ...report, tlp: 'white' }, true],
  // TLP 2.0: `amber` is the amber band (AMBER and AMBER+STRICT), `amber+strict` that one level only
  ['report tlp=amber', { ...report, tlp: 'amber+strict' }, true],
  ['report tlp=amber', { ...report, tlp: 'green' }, false],
  ['report tlp=amber', { ...report, tlp: 'clear' }, false],
  ['report tlp=amber', { ...report, tlp: 'red' }, false],
  ['report tlp=amber+strict', { ...report, tlp: 'amber+strict' }, true],
  ['report tlp=amber+strict', report, false],
  ['report tlp!=amber', { ...report, tlp: 'TLP:AMBER+STRICT' }, false],
  ['report tlp>amber', { ...report, tlp: 'amber+strict' }, false],
  ['report tlp>amber', { ...report, tlp: 'red' }, true],
  ['report tlp<=amber', { ...report, tlp: 'amber+strict' }, true],
  ['report tlp<amber+strict', report, true],
  ['report tlp>=amber+strict', report, false],
  ['report name~lockbit description~PHISHING threat=lockbit', report, true],
  ['report sector=insurance country!=germany', report, true],
  ['report sector=energy', report, false],
  ['report confidence>=80', report, true],
  ['report confidence>80', report, false],
  ['report flint=false', report, false],
  ['report flint!=true', { ...report, flint: undefined }, true],
  ['report flint=false', { ...report, flint: undefined }, false],
  // rule-added
  ['rule-added name~sigma pattern~-enc severity>=70', ruleAdded, true],
  ['rule-added severity>70', ruleAdded, false],
  ['rule-added description="detects -enc"', ruleAdded, true],
  ['rule-added name="sigma"', ruleAdded, false],
  // intake-silent: `for` holds once the intake has been silent that long
  ['intake-silent intake="Firewall EU" for=2h', silent(2 * 3_600_000), true],
  ['intake-silent intake="Firewall EU" for=2h', silent(2 * 3_600_000 - 1), false],
  [`intake-silent intake=${LYON_UUID} for=15m`, silent(3_600_000), true],
  ['intake-silent intake="Firewall US" for=15m', silent(3_600_000), false],
  // playbook-error
  ['playbook-error', playbook(), true],
  ['playbook-error playbook="enrich ip" crashed=true', playbook(true), true],
  ['playbook-error crashed=true', playbook(false), false],
  ['playbook-error crashed=true', playbook(), false],
  ['playbook-error crashed!=true', playbook(), true],
  ['playbook-error playbook~enrich', playbook(), true],
];

describe('evaluateRule', () => {
  it.each(cases)('%s → %s', (line, facts, expected) => {
    expect(evaluateRule(ruleFrom(line), facts, T0)).toBe(expected);
  });

  it('leaves a muted rule out until the exact instant its mute ends', () => {
    const until = T0 + 3_600_000;
    const rule = {
      ...ruleFrom('alert-raised'),
      mute: { until, by: { id: 'u2', name: 'bob' }, reason: 'maintenance' },
    };
    expect(evaluateRule(rule, alertRaised(), T0)).toBe(false);
    expect(evaluateRule(rule, alertRaised(), until - 1)).toBe(false);
    expect(evaluateRule(rule, alertRaised(), until)).toBe(true);
  });
});
