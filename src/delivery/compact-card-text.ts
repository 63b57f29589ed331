import { TRIGGER_LABELS } from '../rules/triggers.ts';
import type { CompactTrigger } from '../triggers/trigger-table.ts';
import type { CompactCard } from './compact-card.ts';
import type { WriteInline } from './write-inline.ts';

export const MAX_COMPACT_TITLE_RUNES = 250;
export const MAX_BADGE_RUNES = 40;
export const MAX_FACTS = 10;
export const MAX_FACT_TITLE_RUNES = 60;
export const MAX_FACT_VALUE_RUNES = 300;
/** Of the card's text, before the platform lays out its lines. */
export const MAX_TEXT_RUNES = 2_000;
const MAX_LABEL_RUNES = 80;

/** What each compact card is, in words: its headline when it has no title of its own (the table's labels). */
export const TRIGGER_NAMES: Readonly<Record<CompactTrigger, string>> = TRIGGER_LABELS;

/** "Report: Weekly threats (TLP:AMBER)": a compact card in one line, for notifications. */
export function compactSummary(card: CompactCard, write: WriteInline): string {
  const badge = card.badge !== undefined && hasText(card.badge) ? ` (${card.badge})` : '';
  return write(`${TRIGGER_NAMES[card.trigger]}: ${headline(card)}${badge}`, 280);
}

/** "Weekly threats · TLP:AMBER": the headline, then the badge when there is one. */
export function compactTitle(card: CompactCard, write: WriteInline): string {
  const main = write(headline(card), MAX_COMPACT_TITLE_RUNES);
  const badge = card.badge !== undefined && hasText(card.badge) ? write(card.badge, MAX_BADGE_RUNES) : '';
  return badge === '' ? main : `${main} · ${badge}`;
}

/** The facts a compact card shows: those with a value, at most MAX_FACTS, as given (plain). */
export function shownCompactFacts(card: CompactCard): CompactCard['facts'] {
  return card.facts.filter((fact) => hasText(fact.value)).slice(0, MAX_FACTS);
}

/** A fact's title and value written by the platform, each within its bound. */
export function writeCompactFact(
  fact: CompactCard['facts'][number],
  write: WriteInline,
): { title: string; value: string } {
  return { title: write(fact.title, MAX_FACT_TITLE_RUNES), value: write(fact.value, MAX_FACT_VALUE_RUNES) };
}

/** The label of the card's link: its own, or "Open in Sekoia.io". */
export function compactLinkLabel(card: CompactCard, write: WriteInline): string {
  return write(hasText(card.linkLabel) ? card.linkLabel : 'Open in Sekoia.io', MAX_LABEL_RUNES);
}

/** The card's title, or the trigger's name when it has none. */
function headline(card: CompactCard): string {
  return hasText(card.title) ? card.title : TRIGGER_NAMES[card.trigger];
}

function hasText(value: string): boolean {
  return value.trim() !== '';
}
