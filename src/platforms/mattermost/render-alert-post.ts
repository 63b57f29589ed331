import type { AlertCard, CardActionKey } from '../../delivery/alert-card.ts';
import { PLATFORM_NAMES } from '../../delivery/platform-names.ts';
import { formatTime } from '../../format-time.ts';
import type { UrgencyLevel } from '../../normalize/notification.ts';
import { escapeInline, markdownLink, plainText, safeHttpUrl } from './escape-markdown.ts';

/** Bumped when the props layout changes, so an old card can be told apart. */
export const CARD_VERSION = 1;
export const MAX_TITLE_RUNES = 250;
export const MAX_ASSETS = 10;

export const URGENCY_COLORS: Readonly<Record<UrgencyLevel | 'unknown', string>> = {
  high: '#D24B4E',
  medium: '#F5A623',
  low: '#3B7DDD',
  unknown: '#8E8E8E',
};

export interface MattermostField {
  title: string;
  value: string;
  short: boolean;
}

/** Our own type: @mattermost/types' PostAction lacks `integration` (reference §4.1). */
export interface MattermostAction {
  /** Letters and digits only, or the click 404s (reference §4.1). */
  id: string;
  type: 'button';
  name: string;
  style: 'default' | 'primary' | 'success' | 'danger';
  integration: { url: string; context: Record<string, unknown> };
}

export interface MattermostAttachment {
  fallback: string;
  color: string;
  title: string;
  title_link?: string;
  text: string;
  fields: MattermostField[];
  footer: string;
  actions: MattermostAction[];
}

// A type alias, not an interface: Client4 wants props assignable to Record<string, unknown>.
export type MattermostCardProps = {
  sekoia_alert_uuid: string;
  sekoia_card: number;
  attachments: [MattermostAttachment];
};

export interface MattermostPostBody {
  message: string;
  props: MattermostCardProps;
}

export interface RenderAlertPostInput {
  card: AlertCard;
  actionUrl: string;
  actions: readonly { key: CardActionKey; context: Record<string, unknown> }[];
}

const BUTTONS: Readonly<Record<CardActionKey, Pick<MattermostAction, 'id' | 'name' | 'style'>>> = {
  acknowledge: { id: 'acknowledge', name: 'Acknowledge', style: 'primary' },
  validate: { id: 'validate', name: 'Validate', style: 'success' },
  reject: { id: 'reject', name: 'Reject', style: 'danger' },
  close: { id: 'close', name: 'Close', style: 'danger' },
  comment: { id: 'comment', name: 'Comment', style: 'default' },
  mute: { id: 'mute1h', name: 'Mute rule 1h', style: 'default' },
};

/**
 * An alert card as a bot post with one message attachment (reference §3.3). Every alert string is
 * escaped and bounded, so a hostile alert still fits the 300 kB request limit (reference §3.2).
 * Legacy attachments have no link button: "Open in Sekoia.io" is the title link and a text link.
 */
export function renderAlertPost(input: RenderAlertPostInput): MattermostPostBody {
  const { card } = input;
  const link = safeHttpUrl(card.link);
  const shortId = card.shortId === undefined ? '' : `${escapeInline(card.shortId, 40)} · `;
  const attachment: MattermostAttachment = {
    fallback: fallback(card),
    color: URGENCY_COLORS[card.urgencyLevel ?? 'unknown'],
    title: `${shortId}${escapeInline(card.title, MAX_TITLE_RUNES)}`,
    ...(link === undefined ? {} : { title_link: link }),
    text: text(card),
    fields: fields(card),
    footer: `Sekoia.io · rule ${plainText(card.matchedRule.id, 40)}`,
    actions: buttons(input),
  };
  return {
    message: '',
    props: { sekoia_alert_uuid: card.alertUuid, sekoia_card: CARD_VERSION, attachments: [attachment] },
  };
}

function fallback(card: AlertCard): string {
  const level = card.urgencyLevel?.toUpperCase() ?? 'ALERT';
  const tag = isNumber(card.urgency) ? `[${level} ${Math.round(card.urgency)}]` : `[${level}]`;
  return `${tag} ${plainText(card.shortId === undefined ? card.title : `${card.shortId} ${card.title}`, 280)}`;
}

function text(card: AlertCard): string {
  const lines: string[] = [];
  if (!card.enriched)
    lines.push('_Details could not be read from Sekoia.io yet; this card will be completed._');
  const activity = card.lastActivity;
  if (activity !== undefined) {
    const who = `${escapeInline(activity.verb, 40)} by ${escapeInline(activity.by, 64)}`;
    lines.push(`${who} from ${PLATFORM_NAMES[activity.platform]} at ${formatTime(activity.at)}`);
  }
  if (safeHttpUrl(card.link) !== undefined) lines.push(markdownLink('Open in Sekoia.io', card.link));
  return lines.join('\n');
}

function fields(card: AlertCard): MattermostField[] {
  const all: [string, string | undefined, boolean][] = [
    ['Urgency', urgency(card), true],
    ['Status', optional(card.status), true],
    ['Entity', optional(card.entity), true],
    ['Rule', optional(card.rule), true],
    ['Type', optional(card.alertType), true],
    ['Occurrences', isNumber(card.occurrences) ? String(card.occurrences) : undefined, true],
    ['First seen', seen(card.firstSeenAt), true],
    ['Last seen', seen(card.lastSeenAt), true],
    ['Assets', assets(card.assets), false],
    ['Matched rule', matchedRule(card.matchedRule), false],
  ];
  return all.flatMap(([title, value, short]) =>
    value === undefined || value === '' ? [] : [{ title, value, short }],
  );
}

function urgency(card: AlertCard): string | undefined {
  const level = card.urgencyLevel;
  if (!isNumber(card.urgency)) return level;
  const value = String(Math.round(card.urgency));
  return level === undefined ? value : `${value} (${level})`;
}

function seen(iso: string | undefined): string | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? formatTime(ms) : escapeInline(iso, 40);
}

function assets(list: readonly string[]): string | undefined {
  const named = list.filter((asset) => asset.trim() !== '');
  if (named.length === 0) return undefined;
  const shown = named.slice(0, MAX_ASSETS).map((asset) => escapeInline(asset, 48));
  const more = named.length - shown.length;
  return more > 0 ? `${shown.join(', ')} +${more} more` : shown.join(', ');
}

function matchedRule(rule: AlertCard['matchedRule']): string {
  const id = escapeInline(rule.id, 40);
  return rule.name === undefined || rule.name.trim() === '' ? id : `${id} · ${escapeInline(rule.name, 120)}`;
}

function buttons(input: RenderAlertPostInput): MattermostAction[] {
  const seenIds = new Set<string>();
  return input.actions.flatMap(({ key, context }) => {
    const button = BUTTONS[key];
    // Mattermost routes a click to the first action with the id: a repeated one could never fire.
    if (seenIds.has(button.id)) return [];
    seenIds.add(button.id);
    return [{ ...button, type: 'button' as const, integration: { url: input.actionUrl, context } }];
  });
}

function optional(value: string | undefined): string | undefined {
  return value === undefined ? undefined : escapeInline(value);
}

function isNumber(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value);
}
