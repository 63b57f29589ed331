import type { CompactCard } from '../../delivery/compact-card.ts';
import {
  compactLinkLabel,
  compactSummary,
  compactTitle,
  MAX_TEXT_RUNES,
  shownCompactFacts,
  writeCompactFact,
} from '../../delivery/compact-card-text.ts';
import type { AdaptiveCard, CardAction, CardElement, ContainerStyle } from './adaptive-card.ts';
import { escapeBlock, escapeInline, plainText, safeHttpUrl } from './escape-teams-markdown.ts';
import { composeCard } from './render-alert-card.ts';

export const TONE_STYLES: Readonly<Record<CompactCard['tone'], ContainerStyle>> = {
  danger: 'attention',
  warning: 'warning',
  good: 'good',
  info: 'accent',
};

/**
 * A report, rule added, silent intake or playbook error as an Adaptive Card 1.5 (reference §5.5):
 * the title in a container coloured by tone, the facts, the text, and its link as the only action.
 * Every string is escaped and bounded, so a hostile one still fits MAX_CARD_CHARS.
 */
export function renderCompactCard(card: CompactCard): AdaptiveCard {
  const body: CardElement[] = [header(card)];
  const facts = shownCompactFacts(card).map((fact) => writeCompactFact(fact, escapeInline));
  if (facts.length > 0) body.push({ type: 'FactSet', facts });
  const text = card.text === undefined ? '' : escapeBlock(card.text, MAX_TEXT_RUNES);
  if (text !== '') body.push({ type: 'TextBlock', text, wrap: true });
  return { ...composeCard(compactSummary(card, plainText), body), actions: actions(card) };
}

function header(card: CompactCard): CardElement {
  return {
    type: 'Container',
    style: TONE_STYLES[card.tone],
    bleed: true,
    items: [
      {
        type: 'TextBlock',
        text: compactTitle(card, escapeInline),
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
      },
    ],
  };
}

function actions(card: CompactCard): CardAction[] {
  const url = safeHttpUrl(card.link ?? '');
  if (url === undefined) return [];
  // An action's title is plain text, not markdown.
  return [{ type: 'Action.OpenUrl', id: 'open', title: compactLinkLabel(card, plainText), url }];
}
