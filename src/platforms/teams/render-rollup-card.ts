import { lineText, type RollupCard } from '../../delivery/rollup-card.ts';
import type { RollupLine } from '../../delivery/rollup-state.ts';
import type { AdaptiveCard, CardElement } from './adaptive-card.ts';
import { escapeInline, plainText, safeHttpUrl } from './escape-teams-markdown.ts';
import { composeCard } from './render-alert-card.ts';

/**
 * A channel's roll-up card as an Adaptive Card 1.5 (reference §5.5): the title in a container
 * (warning while the storm lasts, good once over), the note, the counts as facts, then the most
 * urgent and newest alerts as lines whose short id links to Sekoia.io. No buttons.
 */
export function renderRollupCard(card: RollupCard): AdaptiveCard {
  const body: CardElement[] = [
    {
      type: 'Container',
      style: card.closed ? 'good' : 'warning',
      bleed: true,
      items: [
        { type: 'TextBlock', text: escapeInline(card.title), weight: 'Bolder', size: 'Medium', wrap: true },
      ],
    },
    { type: 'TextBlock', text: escapeInline(card.note, 1_000), wrap: true, isSubtle: true },
    {
      type: 'FactSet',
      facts: card.facts.map((fact) => ({
        title: escapeInline(fact.title),
        value: escapeInline(fact.value, 1_500),
      })),
    },
    ...section(card.mostUrgentTitle ?? 'Most urgent', card.mostUrgent),
    ...section('Newest', card.newest),
  ];
  return composeCard(plainText(card.title), body);
}

function section(title: string, lines: readonly RollupLine[]): CardElement[] {
  if (lines.length === 0) return [];
  return [
    { type: 'TextBlock', text: escapeInline(title), weight: 'Bolder', wrap: true },
    ...lines.map(
      (line): CardElement => ({
        type: 'TextBlock',
        text: `${lineLink(line)} ${escapeInline(lineText(line))}`,
        wrap: true,
        spacing: 'None',
      }),
    ),
  ];
}

function lineLink(line: RollupLine): string {
  const label = escapeInline(line.shortId ?? 'alert', 40);
  const href = safeHttpUrl(line.link);
  return href === undefined ? label : `[${label}](${href})`;
}
