import type { CompactCard } from '../../delivery/compact-card.ts';
import type { CompactTrigger } from '../../normalize/notification.ts';
import { escapeBlock, escapeInline, plainText, safeHttpUrl } from './escape-teams-markdown.ts';
import {
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type ContainerStyle,
  composeCard,
  type Fact,
} from './render-alert-card.ts';

export const MAX_COMPACT_TITLE_RUNES = 250;
export const MAX_BADGE_RUNES = 40;
export const MAX_FACTS = 10;
export const MAX_FACT_TITLE_RUNES = 60;
export const MAX_FACT_VALUE_RUNES = 300;
export const MAX_TEXT_RUNES = 2_000;
const MAX_LABEL_RUNES = 80;

export const TONE_STYLES: Readonly<Record<CompactCard['tone'], ContainerStyle>> = {
  danger: 'attention',
  warning: 'warning',
  good: 'good',
  info: 'accent',
};

const TRIGGER_LABELS: Readonly<Record<CompactTrigger, string>> = {
  report: 'Report',
  'rule-added': 'Rule added',
  'intake-silent': 'Intake silent',
  'playbook-error': 'Playbook error',
};

/**
 * A report, rule added, silent intake or playbook error as an Adaptive Card 1.5 (reference §5.5):
 * the title in a container coloured by tone, the facts, the text, and its link as the only action.
 * Every string is escaped and bounded, so a hostile one still fits MAX_CARD_CHARS.
 */
export function renderCompactCard(card: CompactCard): AdaptiveCard {
  const body: CardElement[] = [header(card)];
  const facts = factsOf(card);
  if (facts.length > 0) body.push({ type: 'FactSet', facts });
  const text = card.text === undefined ? '' : escapeBlock(card.text, MAX_TEXT_RUNES);
  if (text !== '') body.push({ type: 'TextBlock', text, wrap: true });
  return { ...composeCard(fallback(card), body), actions: actions(card) };
}

function fallback(card: CompactCard): string {
  const badge = card.badge !== undefined && hasText(card.badge) ? ` (${card.badge})` : '';
  return plainText(`${TRIGGER_LABELS[card.trigger]}: ${headline(card)}${badge}`, 280);
}

function header(card: CompactCard): CardElement {
  const main = escapeInline(headline(card), MAX_COMPACT_TITLE_RUNES);
  const badge =
    card.badge !== undefined && hasText(card.badge) ? escapeInline(card.badge, MAX_BADGE_RUNES) : '';
  return {
    type: 'Container',
    style: TONE_STYLES[card.tone],
    bleed: true,
    items: [
      {
        type: 'TextBlock',
        text: badge === '' ? main : `${main} · ${badge}`,
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
      },
    ],
  };
}

/** The card's title, or the trigger's name when it has none. */
function headline(card: CompactCard): string {
  return hasText(card.title) ? card.title : TRIGGER_LABELS[card.trigger];
}

function factsOf(card: CompactCard): Fact[] {
  return card.facts
    .filter((fact) => hasText(fact.value))
    .slice(0, MAX_FACTS)
    .map((fact) => ({
      title: escapeInline(fact.title, MAX_FACT_TITLE_RUNES),
      value: escapeInline(fact.value, MAX_FACT_VALUE_RUNES),
    }));
}

function actions(card: CompactCard): CardAction[] {
  const url = safeHttpUrl(card.link ?? '');
  if (url === undefined) return [];
  // An action's title is plain text, not markdown.
  const title = hasText(card.linkLabel) ? plainText(card.linkLabel, MAX_LABEL_RUNES) : 'Open in Sekoia.io';
  return [{ type: 'Action.OpenUrl', id: 'open', title, url }];
}

function hasText(value: string): boolean {
  return value.trim() !== '';
}
