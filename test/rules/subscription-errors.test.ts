import { describe, expect, it } from 'vitest';
import { BotError } from '../../src/errors.ts';
import { parseSubscription } from '../../src/rules/parse-subscription.ts';

const TRIGGERS = 'alert-raised, alert-updated, report, rule-added, intake-silent, playbook-error';
const ALERT_KEYS = 'urgency, status, asset, entity, rule, criticality, type, community';

const errors: [string, string][] = [
  ['', `subscribe needs a trigger: ${TRIGGERS}`],
  ['urgency>=high', `subscribe needs a trigger before the conditions: ${TRIGGERS}`],
  ['alert-rased', 'unknown trigger "alert-rased" — did you mean "alert-raised"?'],
  ['bogus', `unknown trigger "bogus" — use one of ${TRIGGERS}`],
  ['alert-raised urgncy>=high', 'unknown key "urgncy" — did you mean "urgency"?'],
  ['alert-raised zzz=1', `unknown key "zzz" — alert-raised takes ${ALERT_KEYS}`],
  ['alert-raised tlp=red', `"tlp" is not a condition of alert-raised — it takes ${ALERT_KEYS}`],
  ['alert-raised change=status', `"change" is not a condition of alert-raised — it takes ${ALERT_KEYS}`],
  [
    'report urgency>=high',
    '"urgency" is not a condition of report — it takes name, description, threat, sector, country, tlp, confidence, flint',
  ],
  ['alert-raised urgency', '"urgency" needs an operator and a value, e.g. urgency>=high'],
  [
    'alert-raised urgency:high',
    'expected an operator (=, !=, ~, >=, <=, >, <) after "urgency" in "urgency:high"',
  ],
  [
    'alert-raised "urgency>=high"',
    'expected a condition like urgency>=high or entity="Lyon HQ", got ""urgency>=high""',
  ],
  ['alert-raised >=high', 'expected a condition like urgency>=high or entity="Lyon HQ", got ">=high"'],
  [
    'alert-raised urgency~high',
    '"~" does not apply to "urgency" in "urgency~high" — use = != >= <= > <, e.g. urgency>=high',
  ],
  [
    'alert-raised entity>=a',
    '">=" does not apply to "entity" in "entity>=a" — use = != ~, e.g. entity="Lyon HQ"',
  ],
  [
    'alert-updated change~stat',
    '"~" does not apply to "change" in "change~stat" — use = !=, e.g. change=status',
  ],
  ['intake-silent intake=fw for>=2h', '">=" does not apply to "for" in "for>=2h" — use =, e.g. for=2h'],
  ['alert-raised urgency>=50,60', '"urgency>=" takes a single value, got "urgency>=50,60"'],
  ['report flint=true,false', '"flint=" takes a single value, got "flint=true,false"'],
  [
    'alert-raised urgency>=hgh',
    '"urgency" takes 0–100 or low, medium, high, got "hgh" — did you mean "high"?',
  ],
  ['alert-raised urgency>=101', '"urgency" takes 0–100 or low, medium, high, got "101"'],
  ['alert-raised urgency=-1', '"urgency" takes 0–100 or low, medium, high, got "-1"'],
  ['alert-raised criticality>=5.5', '"criticality" takes a whole number from 0 to 100, got "5.5"'],
  ['alert-updated recurrence>=many', '"recurrence" takes a whole number from 0 to 1000000000, got "many"'],
  ['report confidence>=200', '"confidence" takes a whole number from 0 to 100, got "200"'],
  ['rule-added severity<x', '"severity" takes a whole number from 0 to 100, got "x"'],
  ['report tlp=blue', '"tlp" takes white (or clear), green, amber, amber+strict or red, got "blue"'],
  ['report flint=yes', '"flint" takes true or false, got "yes"'],
  ['playbook-error crashed=1', '"crashed" takes true or false, got "1"'],
  [
    'alert-updated change=stats',
    '"change" takes status, urgency, occurrence, got "stats" — did you mean "status"?',
  ],
  ['alert-raised community=acme', '"community" takes a UUID, got "acme"'],
  ['intake-silent intake=fw for=5m', '"for" must be between 15m and 24h, got "5m"'],
  ['intake-silent intake=fw for=25h', '"for" must be between 15m and 24h, got "25h"'],
  ['intake-silent intake=fw for=2hours', '"for" takes a duration like 30m, 2h, 1h30m or 1d, got "2hours"'],
  [
    'intake-silent intake=fw',
    'intake-silent needs for=…, e.g. subscribe intake-silent intake="Firewall EU" for=2h',
  ],
  [
    'intake-silent for=2h',
    'intake-silent needs intake=…, e.g. subscribe intake-silent intake="Firewall EU" for=2h',
  ],
  [
    'intake-silent',
    'intake-silent needs intake=… and for=…, e.g. subscribe intake-silent intake="Firewall EU" for=2h',
  ],
  [
    'intake-silent intake!=fw for=2h',
    'intake-silent needs intake=…, e.g. subscribe intake-silent intake="Firewall EU" for=2h',
  ],
  ['intake-silent intake=a intake=b for=2h', '"intake" is given twice — keep one'],
  ['intake-silent intake=a for=2h for=3h', '"for" is given twice — keep one'],
  ['report flint=true flint=false', '"flint" is given twice — keep one'],
  [
    'alert-raised rule="Suspicious PowerShell',
    'unterminated quote in rule="Suspicious PowerShell — add the closing "',
  ],
  ["alert-raised rule='abc", "unterminated quote in rule='abc — add the closing '"],
  ['alert-raised --name "Night', 'unterminated quote in "Night — add the closing "'],
  ['alert-raised status=', 'empty value in "status="'],
  ['alert-raised status=pending,', 'empty value in "status=pending,"'],
  ['alert-raised status=a,,b', 'empty value in "status=a,,b"'],
  ['alert-raised rule=""', 'empty value in "rule="""'],
  ['alert-raised rule="  "', 'empty value in "rule="  ""'],
  ['alert-raised --name a --name b', '--name is given twice — keep one'],
  ['alert-raised --name', '--name needs a text, e.g. --name "Night shift"'],
  ['alert-raised --name ""', '--name needs a text, e.g. --name "Night shift"'],
  ['alert-raised --name --name', '--name needs a text, e.g. --name "Night shift"'],
  [`alert-raised --name ${'x'.repeat(81)}`, '--name takes one line of at most 80 characters'],
  ['alert-raised --nmae a', 'unknown option "--nmae" — did you mean "--name"?'],
  [
    'alert-raised --colour red',
    'unknown option "--colour" — the options are --name, --notify, --notify-urgency, --remind, --escalate, --preview',
  ],
  ['alert-raised --notify', '--notify needs names, e.g. --notify @oncall,@sre'],
  [
    'alert-raised --notify oncall',
    '--notify takes @names (letters, digits, ".", "-", "_"), e.g. --notify @oncall,@sre — not "oncall"',
  ],
  [
    'alert-raised --notify @on/call',
    '--notify takes @names (letters, digits, ".", "-", "_"), e.g. --notify @oncall,@sre — not "@on/call"',
  ],
  [
    `alert-raised --notify @${'a'.repeat(65)}`,
    `--notify takes @names (letters, digits, ".", "-", "_"), e.g. --notify @oncall,@sre — not "@${'a'.repeat(56)}…"`,
  ],
  [
    'alert-raised --notify @oncall,',
    '--notify takes @names (letters, digits, ".", "-", "_"), e.g. --notify @oncall,@sre — not ""',
  ],
  ['alert-raised --notify @all', '--notify @all is refused — use @channel or name who to ping'],
  ['alert-raised --notify @a --notify @b', '--notify is given twice — keep one'],
  [
    `alert-raised --notify ${Array.from({ length: 11 }, (_, i) => `@u${i}`).join(',')}`,
    '--notify takes at most 10 names',
  ],
  [
    'alert-raised --notify @oncall --notify-urgency critical',
    '--notify-urgency takes low, medium, high — not "critical"',
  ],
  ['alert-raised --notify-urgency high', '--notify-urgency needs --notify @name, e.g. --notify @oncall'],
  [
    'alert-updated change=status --notify @oncall',
    '--notify only works with alert-raised: other triggers post no new card to ping on',
  ],
  [
    'report --notify @oncall',
    '--notify only works with alert-raised: other triggers post no new card to ping on',
  ],
  [`alert-raised rule="${'x'.repeat(201)}"`, `"rule" takes at most 200 characters, got "${'x'.repeat(57)}…"`],
  ['alert-raised rule="a\u0007b"', '"rule" takes text without control characters, got "a\u0007b"'],
  [`alert-raised ${'urgency>=1 '.repeat(21)}`, 'a rule takes at most 20 conditions, got 21'],
  [`alert-raised rule=${'x'.repeat(2000)}`, 'the command is too long (at most 2000 characters)'],
];

describe('parseSubscription errors', () => {
  it.each(errors)('%s', (line, message) => {
    let thrown: unknown;
    try {
      parseSubscription(line);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BotError);
    expect((thrown as BotError).code).toBe('command_usage');
    expect((thrown as BotError).message).toBe(message);
  });
});
