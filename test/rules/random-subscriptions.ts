import type { TriggerFacts } from '../../src/rules/trigger-facts.ts';
import { TRIGGER_KEYS, TRIGGERS, type Trigger } from '../../src/rules/triggers.ts';
import { pickOne } from './seeded-random.ts';

/** Small value pools, so that random rules and random facts meet often. */
const UUIDS = ['0b7c6f1e-2d3a-4e5f-8a9b-1c2d3e4f5a6b', '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'];
const NAMES = ['Lyon HQ', 'paris', 'Suspicious PowerShell', 'db-01', 'Firewall EU'];
const TEXTS = ['lockbit', 'Finance', 'france', 'malware', 'powershell'];
const VALUES: Record<string, readonly string[]> = {
  urgency: ['low', 'medium', 'high', '0', '49', '50', '74', '75', '80', '100'],
  number: ['0', '10', '50', '70', '75', '100'],
  ref: [...UUIDS, ...NAMES.map((name) => `"${name}"`)],
  text: TEXTS,
  tlp: ['white', 'clear', 'green', 'amber', 'amber+strict', 'red'],
  change: ['status', 'urgency', 'occurrence'],
  boolean: ['true', 'false'],
  for: ['15m', '1h', '2h', '24h'],
};
const KIND_OF: Record<string, string> = {
  urgency: 'urgency',
  criticality: 'number',
  recurrence: 'number',
  confidence: 'number',
  severity: 'number',
  status: 'ref',
  asset: 'ref',
  entity: 'ref',
  rule: 'ref',
  intake: 'ref',
  playbook: 'ref',
  community: 'community',
  tlp: 'tlp',
  change: 'change',
  flint: 'boolean',
  crashed: 'boolean',
  for: 'for',
};
const OPS: Record<string, readonly string[]> = {
  urgency: ['=', '!=', '>=', '<=', '>', '<'],
  number: ['=', '!=', '>=', '<=', '>', '<'],
  tlp: ['=', '!=', '>=', '<=', '>', '<'],
  ref: ['=', '!=', '~'],
  text: ['=', '!=', '~'],
  change: ['=', '!='],
  community: ['=', '!='],
  boolean: ['=', '!='],
  for: ['='],
};

function randomCondition(random: () => number, key: string): string {
  const kind = KIND_OF[key] ?? 'text';
  const op = pickOne(random, OPS[kind] ?? ['=']);
  const pool = key === 'community' ? UUIDS : (VALUES[kind] ?? TEXTS);
  const many =
    (op === '=' || op === '!=' || op === '~') && kind !== 'boolean' && kind !== 'for' && random() < 0.3;
  const values = many ? [pickOne(random, pool), pickOne(random, pool)] : [pickOne(random, pool)];
  return `${key}${op}${values.join(',')}`;
}

/** A valid `subscribe` line with 0–3 conditions (intake-silent always has its two). */
export function randomSubscriptionLine(random: () => number, trigger = pickOne(random, TRIGGERS)): string {
  const keys = TRIGGER_KEYS[trigger].filter((key) => key !== 'for' && key !== 'intake');
  const parts: string[] = [trigger];
  if (trigger === 'intake-silent')
    parts.push(`intake=${pickOne(random, VALUES.ref ?? [])}`, `for=${pickOne(random, VALUES.for ?? [])}`);
  const count = keys.length === 0 ? 0 : Math.floor(random() * 4);
  const single = new Set(['flint', 'crashed']);
  for (let i = 0; i < count; i++) {
    const key = pickOne(random, keys);
    if (single.has(key) && parts.some((part) => part.startsWith(key))) continue;
    parts.push(randomCondition(random, key));
  }
  return parts.join(' ');
}

const ref = (random: () => number) =>
  random() < 0.5
    ? { uuid: pickOne(random, UUIDS), name: pickOne(random, NAMES) }
    : { name: pickOne(random, NAMES) };
const maybe = <T>(random: () => number, value: () => T): T | undefined =>
  random() < 0.85 ? value() : undefined;

/** Facts of a random notification over the same pools (some fields unknown). */
export function randomFacts(random: () => number): TriggerFacts {
  const trigger: Trigger = pickOne(random, TRIGGERS);
  const num = () => Math.floor(random() * 101);
  const refs = () => Array.from({ length: Math.floor(random() * 3) }, () => ref(random));
  const texts = () =>
    Array.from({ length: Math.floor(random() * 3) }, () => pickOne(random, [...TEXTS, ...NAMES]));
  return {
    trigger,
    urgency: maybe(random, num),
    criticality: maybe(random, num),
    recurrence: maybe(random, num),
    confidence: maybe(random, num),
    severity: maybe(random, num),
    for: maybe(random, () => Math.floor(random() * 26 * 3_600_000)),
    flint: maybe(random, () => random() < 0.5),
    crashed: maybe(random, () => random() < 0.5),
    status: refs(),
    asset: refs(),
    entity: refs(),
    rule: refs(),
    community: random() < 0.5 ? [{ uuid: pickOne(random, UUIDS) }] : [],
    intake: refs(),
    playbook: refs(),
    type: texts(),
    change: Array.from({ length: Math.floor(random() * 3) }, () => pickOne(random, VALUES.change ?? [])),
    name: texts(),
    description: texts(),
    threat: texts(),
    sector: texts(),
    country: texts(),
    pattern: texts(),
    tlp: maybe(random, () => pickOne(random, VALUES.tlp ?? [])),
  };
}
