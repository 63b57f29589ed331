import { describe, expect, it } from 'vitest';
import type { AlertCard } from '../../src/delivery/alert-card.ts';
import { alertCardFacts, formatUrgency } from '../../src/delivery/alert-card-facts.ts';
import type { WriteInline } from '../../src/delivery/write-inline.ts';
import { alertCard, namedAsset } from '../fixtures/alert-card.ts';

const plain: WriteInline = (text) => text;
/** Shows what the platform was asked to write, and within which bound. */
const marked: WriteInline = (text, max) => `⟨${text}|${max}⟩`;
const BOUNDS = { status: 60, entity: 200, rule: 201, type: 202 };

const facts = (overrides: Partial<AlertCard>, write = plain) =>
  alertCardFacts(alertCard(overrides), { write, bounds: BOUNDS }).map(({ title, value }) => [title, value]);

describe('alertCardFacts', () => {
  it('lists every fact of a full card, in order, as plain text', () => {
    expect(facts({})).toEqual([
      ['Urgency', '82 (high)'],
      ['Status', 'Pending'],
      ['Entity', 'Lyon HQ'],
      ['Rule', 'Encoded command'],
      ['Type', 'malicious-code / trojan'],
      ['Assets', 'WS-114 (criticality 80), srv01'],
      ['Occurrences', '3'],
      ['First seen', '2026-03-02 08:00 UTC'],
      ['Last seen', '2026-03-02 09:15 UTC'],
      ['Matched rule', 'r7k2 · Critical hosts'],
    ]);
  });

  it('has the platform write only the text that comes from the alert, each piece within its bound', () => {
    expect(facts({ firstSeenAt: 'yesterday', assets: [namedAsset('a', 7)] }, marked)).toEqual([
      ['Urgency', '82 (high)'],
      ['Status', '⟨Pending|60⟩'],
      ['Entity', '⟨Lyon HQ|200⟩'],
      ['Rule', '⟨Encoded command|201⟩'],
      ['Type', '⟨malicious-code / trojan|202⟩'],
      ['Assets', '⟨a|48⟩ (criticality 7)'],
      ['Occurrences', '3'],
      ['First seen', '⟨yesterday|40⟩'],
      ['Last seen', '2026-03-02 09:15 UTC'],
      ['Matched rule', '⟨r7k2|40⟩ · ⟨Critical hosts|120⟩'],
    ]);
  });

  it('leaves out facts without a value, or written as nothing', () => {
    const none = {
      urgency: undefined,
      urgencyLevel: undefined,
      status: undefined,
      entity: '',
      rule: undefined,
      alertType: undefined,
      assets: [
        { uuid: '', name: undefined, criticality: 50 },
        { uuid: '  ', name: '  ', criticality: undefined },
      ],
      occurrences: Number.NaN,
      firstSeenAt: undefined,
      lastSeenAt: undefined,
      matchedRule: { id: 'r7k2', name: ' ' },
    };
    expect(facts(none)).toEqual([['Matched rule', 'r7k2']]);
  });

  it('names the first ten assets and counts the others', () => {
    const assets = [namedAsset(''), ...Array.from({ length: 13 }, (_, i) => namedAsset(`h${i}`))];
    assets[0] = { uuid: '', name: '', criticality: undefined };
    expect(facts({ assets }).find(([title]) => title === 'Assets')).toEqual([
      'Assets',
      'h0, h1, h2, h3, h4, h5, h6, h7, h8, h9 +3 more',
    ]);
  });

  it('gives the key of each fact, for platforms that lay some out apart', () => {
    const keys = alertCardFacts(alertCard(), { write: plain, bounds: BOUNDS }).map((fact) => fact.key);
    expect(keys).toEqual([
      'urgency',
      'status',
      'entity',
      'rule',
      'type',
      'assets',
      'occurrences',
      'firstSeen',
      'lastSeen',
      'matchedRule',
    ]);
  });
});

describe('formatUrgency', () => {
  it.each([
    [82.4, 'high', '82 (high)'],
    [82.5, undefined, '83'],
    [undefined, 'low', 'low'],
    [Number.POSITIVE_INFINITY, 'medium', 'medium'],
    [undefined, undefined, undefined],
  ] as const)('%s %s', (urgency, urgencyLevel, expected) => {
    expect(formatUrgency(alertCard({ urgency, urgencyLevel }))).toBe(expected);
  });
});
