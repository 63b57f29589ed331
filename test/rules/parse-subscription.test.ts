import { describe, expect, it } from 'vitest';
import { formatSubscription } from '../../src/rules/format-subscription.ts';
import { parseSubscription } from '../../src/rules/parse-subscription.ts';
import type { Condition } from '../../src/rules/rule.ts';

const UUID = '3F1C2B9E-8D4A-4C1E-9B2F-7A6D5E4C3B2A';
const c = (key: Condition['key'], op: Condition['op'], ...values: string[]): Condition => ({
  key,
  op,
  values,
});

const valid: [string, Condition[]][] = [
  // alert-raised: every key
  ['alert-raised', []],
  ['alert-raised urgency>=high', [c('urgency', '>=', 'high')]],
  ['alert-raised urgency=Medium', [c('urgency', '=', 'medium')]],
  ['alert-raised urgency<high urgency>20', [c('urgency', '<', 'high'), c('urgency', '>', '20')]],
  ['alert-raised urgency<=075', [c('urgency', '<=', '75')]],
  ['alert-raised urgency!=low,100', [c('urgency', '!=', 'low', '100')]],
  ['alert-raised status=pending,acknowledged', [c('status', '=', 'pending', 'acknowledged')]],
  ['alert-raised status!="In progress"', [c('status', '!=', 'In progress')]],
  [`alert-raised asset=${UUID}`, [c('asset', '=', UUID.toLowerCase())]],
  ['alert-raised asset~db', [c('asset', '~', 'db')]],
  ['alert-raised entity="Lyon HQ"', [c('entity', '=', 'Lyon HQ')]],
  ["alert-raised entity='Lyon HQ',Paris", [c('entity', '=', 'Lyon HQ', 'Paris')]],
  ['alert-raised rule="Suspicious PowerShell"', [c('rule', '=', 'Suspicious PowerShell')]],
  ['alert-raised rule~powershell', [c('rule', '~', 'powershell')]],
  ['alert-raised criticality>=50', [c('criticality', '>=', '50')]],
  ['alert-raised type=malware', [c('type', '=', 'malware')]],
  ['alert-raised type~intrusion', [c('type', '~', 'intrusion')]],
  [`alert-raised community=${UUID}`, [c('community', '=', UUID.toLowerCase())]],
  // alert-updated: the same plus change and recurrence
  [
    'alert-updated change=status status=closed,rejected',
    [c('change', '=', 'status'), c('status', '=', 'closed', 'rejected')],
  ],
  ['alert-updated change!=OCCURRENCE', [c('change', '!=', 'occurrence')]],
  ['alert-updated recurrence>=10', [c('recurrence', '>=', '10')]],
  ['alert-updated urgency>=high entity=Lyon', [c('urgency', '>=', 'high'), c('entity', '=', 'Lyon')]],
  // report
  ['report tlp=amber,red flint=true', [c('tlp', '=', 'amber', 'red'), c('flint', '=', 'true')]],
  ['report tlp>=Amber+strict', [c('tlp', '>=', 'amber+strict')]],
  ['report tlp=clear', [c('tlp', '=', 'white')]],
  ['report tlp<TLP:GREEN', [c('tlp', '<', 'green')]],
  [
    'report name~ransomware description~phishing',
    [c('name', '~', 'ransomware'), c('description', '~', 'phishing')],
  ],
  [
    'report threat="APT 28" sector!=finance country=france',
    [c('threat', '=', 'APT 28'), c('sector', '!=', 'finance'), c('country', '=', 'france')],
  ],
  ['report confidence>70 flint!=FALSE', [c('confidence', '>', '70'), c('flint', '!=', 'false')]],
  // rule-added
  [
    'rule-added name~sigma pattern~powershell severity>=75',
    [c('name', '~', 'sigma'), c('pattern', '~', 'powershell'), c('severity', '>=', '75')],
  ],
  ['rule-added description="a, b" severity<10', [c('description', '=', 'a, b'), c('severity', '<', '10')]],
  // intake-silent
  ['intake-silent intake="Firewall EU" for=2h', [c('intake', '=', 'Firewall EU'), c('for', '=', '2h')]],
  ['intake-silent for=90m intake=fw', [c('for', '=', '1h30m'), c('intake', '=', 'fw')]],
  ['intake-silent intake=fw for=15m', [c('intake', '=', 'fw'), c('for', '=', '15m')]],
  ['intake-silent intake=fw for=1d', [c('intake', '=', 'fw'), c('for', '=', '24h')]],
  // playbook-error
  [
    'playbook-error playbook="Enrich IP" crashed=true',
    [c('playbook', '=', 'Enrich IP'), c('crashed', '=', 'true')],
  ],
  [
    'playbook-error playbook~enrich crashed!=true',
    [c('playbook', '~', 'enrich'), c('crashed', '!=', 'true')],
  ],
  // quoting
  ['alert-raised rule="say \\"hi\\""', [c('rule', '=', 'say "hi"')]],
  ["alert-raised rule='it\\'s'", [c('rule', '=', "it's")]],
  ["alert-raised rule~O'Brien", [c('rule', '~', "O'Brien")]],
  ['alert-raised rule=“Suspicious PowerShell”', [c('rule', '=', 'Suspicious PowerShell')]],
  ['alert-raised rule=‘a b’', [c('rule', '=', 'a b')]],
  ['alert-raised rule="C:\\temp"', [c('rule', '=', 'C:\\temp')]],
  ['alert-raised rule="  padded  "', [c('rule', '=', 'padded')]],
  ['ALERT-RAISED Urgency>=HIGH', [c('urgency', '>=', 'high')]],
  ['  alert-raised\u00a0 urgency>=high  ', [c('urgency', '>=', 'high')]],
];

describe('parseSubscription', () => {
  it.each(valid)('%s', (line, conditions) => {
    const draft = parseSubscription(line);
    expect(draft.conditions).toEqual(conditions);
    expect(draft.name).toBeUndefined();
    expect(parseSubscription(formatSubscription(draft))).toEqual(draft);
  });

  it.each([
    ['alert-raised --name "Night shift" urgency>=high', 'Night shift'],
    ['alert-raised urgency>=high --name="Night shift"', 'Night shift'],
    ["alert-raised --name 'O\\'Brien watch'", "O'Brien watch"],
    ['alert-raised --NAME x', 'x'],
  ])('reads --name in %s', (line, name) => {
    const draft = parseSubscription(line);
    expect(draft.name).toBe(name);
    expect(parseSubscription(formatSubscription(draft))).toEqual(draft);
  });

  it.each([
    ['alert-raised --notify @oncall', [{ name: 'oncall' }], null],
    [
      'alert-raised urgency>=medium --notify=@OnCall,@sre.team,@here',
      [{ name: 'oncall' }, { name: 'sre.team' }, { name: 'here' }],
      null,
    ],
    ['alert-raised --notify @oncall,@oncall --notify-urgency HIGH', [{ name: 'oncall' }], 'high'],
    ['alert-raised --notify-urgency low --notify "@channel"', [{ name: 'channel' }], 'low'],
    ['alert-raised --notify @oncall, @sre urgency>=high', [{ name: 'oncall' }, { name: 'sre' }], null],
    [
      'alert-raised --notify @oncall @sre --notify-urgency high',
      [{ name: 'oncall' }, { name: 'sre' }],
      'high',
    ],
  ])('reads --notify in %s', (line, mentions, minUrgency) => {
    const draft = parseSubscription(line);
    expect(draft.notify).toEqual({ mentions, minUrgency });
    expect(parseSubscription(formatSubscription(draft))).toEqual(draft);
  });

  it('gives the trigger of each line', () => {
    expect(parseSubscription('rule-added').trigger).toBe('rule-added');
    expect(parseSubscription('playbook-error').trigger).toBe('playbook-error');
    expect(parseSubscription('report').trigger).toBe('report');
  });

  it('formats a canonical one-line summary', () => {
    const draft = parseSubscription('alert-raised  urgency>=HIGH entity="Lyon HQ",Paris --name "Lyon"');
    expect(formatSubscription(draft)).toBe('alert-raised urgency>=high entity="Lyon HQ",Paris --name Lyon');
  });
});
