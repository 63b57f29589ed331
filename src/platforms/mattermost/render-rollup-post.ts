import { lineText, type RollupCard } from '../../delivery/rollup-card.ts';
import type { RollupLine } from '../../delivery/rollup-state.ts';
import { escapeInline, plainText, safeHttpUrl } from './escape-markdown.ts';
import type { MattermostField } from './render-alert-post.ts';
import { TONE_COLORS } from './render-compact-post.ts';

/** Bumped when the props layout of a roll-up post changes. */
export const ROLLUP_CARD_VERSION = 1;

export type MattermostRollupAttachment = {
  fallback: string;
  color: string;
  title: string;
  text: string;
  fields: MattermostField[];
  footer: string;
};

// A type alias, not an interface: Client4 wants props assignable to Record<string, unknown>.
export type MattermostRollupProps = {
  /** Not `sekoia_alert_uuid`: a roll-up is no alert's card. */
  sekoia_rollup: string;
  sekoia_card: number;
  attachments: [MattermostRollupAttachment];
};

/**
 * A channel's roll-up card as a bot post with one message attachment (reference §3.3): the counts as
 * fields, the most urgent and newest alerts as linked lines. Every string is escaped and bounded.
 */
export function renderRollupPost(card: RollupCard): { message: ''; props: MattermostRollupProps } {
  const attachment: MattermostRollupAttachment = {
    fallback: plainText(card.title),
    color: card.closed ? TONE_COLORS.good : TONE_COLORS.warning,
    title: escapeInline(card.title),
    text: [
      escapeInline(card.note, 1_000),
      ...section(card.mostUrgentTitle ?? 'Most urgent', card.mostUrgent),
      ...section('Newest', card.newest),
    ].join('\n'),
    fields: card.facts.map((fact) => ({
      title: escapeInline(fact.title),
      value: escapeInline(fact.value, 1_500),
      short: false,
    })),
    footer: `Sekoia.io · ${FOOTERS[card.kind ?? 'storm']}`,
  };
  return {
    message: '',
    props: { sekoia_rollup: card.stormId, sekoia_card: ROLLUP_CARD_VERSION, attachments: [attachment] },
  };
}

const FOOTERS = {
  storm: 'storm roll-up',
  held: 'held alerts',
  digest: 'daily digest',
  'catch-up': 'catch-up',
} as const;

function section(title: string, lines: readonly RollupLine[]): string[] {
  if (lines.length === 0) return [];
  return [
    '',
    `**${escapeInline(title)}**`,
    ...lines.map((line) => `- ${lineLink(line)} ${escapeInline(lineText(line))}`),
  ];
}

/** The short id linking to the alert in Sekoia.io. */
function lineLink(line: RollupLine): string {
  const label = escapeInline(line.shortId ?? 'alert', 40);
  const href = safeHttpUrl(line.link);
  return href === undefined ? label : `[${label}](${href})`;
}
