import { describe, expect, it } from 'vitest';
import type { CompactCard } from '../../src/delivery/compact-card.ts';
import {
  compactLinkLabel,
  compactSummary,
  compactTitle,
  MAX_FACTS,
  shownCompactFacts,
  writeCompactFact,
} from '../../src/delivery/compact-card-text.ts';
import type { WriteInline } from '../../src/delivery/write-inline.ts';

const marked: WriteInline = (text, max) => `⟨${text}|${max}⟩`;

function card(overrides: Partial<CompactCard> = {}): CompactCard {
  return {
    trigger: 'report',
    subject: 'report:1',
    matchedRule: { id: 'r7k2', name: undefined },
    title: 'Weekly threats',
    link: 'https://app.sekoia.io/reports/1',
    linkLabel: 'Open the report',
    tone: 'info',
    badge: 'TLP:AMBER',
    facts: [],
    text: undefined,
    ...overrides,
  };
}

describe('compactSummary', () => {
  it('names the trigger, the title and the badge, in one bounded line', () => {
    expect(compactSummary(card(), marked)).toBe('⟨Report: Weekly threats (TLP:AMBER)|280⟩');
  });

  it('falls back on the trigger name without a title, and leaves out a blank badge', () => {
    expect(compactSummary(card({ trigger: 'intake-silent', title: ' ', badge: ' ' }), marked)).toBe(
      '⟨Intake silent: Intake silent|280⟩',
    );
  });
});

describe('compactTitle', () => {
  it('writes the title and the badge, each within its bound', () => {
    expect(compactTitle(card(), marked)).toBe('⟨Weekly threats|250⟩ · ⟨TLP:AMBER|40⟩');
    expect(compactTitle(card({ trigger: 'playbook-error', title: '', badge: undefined }), marked)).toBe(
      '⟨Playbook error|250⟩',
    );
  });

  it('leaves out a badge the platform writes as nothing', () => {
    const dropBadge: WriteInline = (text, max) => (max === 40 ? '' : text);
    expect(compactTitle(card(), dropBadge)).toBe('Weekly threats');
  });
});

describe('shownCompactFacts', () => {
  it('keeps the facts with a value, at most MAX_FACTS, as given', () => {
    const facts = [
      { title: 'Empty', value: ' ' },
      ...Array.from({ length: MAX_FACTS + 2 }, (_, i) => ({ title: `t${i}`, value: ` v${i} ` })),
    ];
    const shown = shownCompactFacts(card({ facts }));
    expect(shown).toHaveLength(MAX_FACTS);
    expect(shown[0]).toEqual({ title: 't0', value: ' v0 ' });
  });

  it('has the platform write a fact within the bounds of its title and value', () => {
    expect(writeCompactFact({ title: 'Intake', value: 'Windows' }, marked)).toEqual({
      title: '⟨Intake|60⟩',
      value: '⟨Windows|300⟩',
    });
  });
});

describe('compactLinkLabel', () => {
  it('is the card’s own label, or "Open in Sekoia.io", within its bound', () => {
    expect(compactLinkLabel(card(), marked)).toBe('⟨Open the report|80⟩');
    expect(compactLinkLabel(card({ linkLabel: '  ' }), marked)).toBe('⟨Open in Sekoia.io|80⟩');
  });
});
