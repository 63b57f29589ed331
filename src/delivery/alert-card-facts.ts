import { formatTime } from '../format-time.ts';
import type { AlertAsset } from '../normalize/notification.ts';
import type { AlertCard } from './alert-card.ts';
import type { WriteInline } from './write-inline.ts';

/** Assets named on a card; the others are counted ("+3 more"). */
export const MAX_ASSETS = 10;

export type AlertFactKey =
  | 'urgency'
  | 'status'
  | 'entity'
  | 'rule'
  | 'type'
  | 'assets'
  | 'occurrences'
  | 'firstSeen'
  | 'lastSeen'
  | 'matchedRule';

/** One line of an alert card's facts, its value written by the platform. */
export interface AlertFact {
  key: AlertFactKey;
  title: string;
  value: string;
}

/** Bounds, in runes, of the facts that are free text from the alert: each platform has its room. */
export type FreeTextBounds = Readonly<Record<'status' | 'entity' | 'rule' | 'type', number>>;

export interface AlertCardFactsOptions {
  write: WriteInline;
  bounds: FreeTextBounds;
}

/** The facts an alert card shows, in this order, leaving out those without a value. */
export function alertCardFacts(card: AlertCard, options: AlertCardFactsOptions): AlertFact[] {
  const { write, bounds } = options;
  const text = (value: string | undefined, max: number) =>
    value === undefined ? undefined : write(value, max);
  const all: [AlertFactKey, string, string | undefined][] = [
    ['urgency', 'Urgency', formatUrgency(card)],
    ['status', 'Status', text(card.status, bounds.status)],
    ['entity', 'Entity', text(card.entity, bounds.entity)],
    ['rule', 'Rule', text(card.rule, bounds.rule)],
    ['type', 'Type', text(card.alertType, bounds.type)],
    ['assets', 'Assets', assets(card.assets, write)],
    ['occurrences', 'Occurrences', isNumber(card.occurrences) ? String(card.occurrences) : undefined],
    ['firstSeen', 'First seen', seen(card.firstSeenAt, write)],
    ['lastSeen', 'Last seen', seen(card.lastSeenAt, write)],
    ['matchedRule', 'Matched rule', matchedRule(card.matchedRule, write)],
  ];
  return all.flatMap(([key, title, value]) =>
    value === undefined || value === '' ? [] : [{ key, title, value }],
  );
}

/** "82 (high)", "82", "high", or undefined when Sekoia.io gave neither. */
export function formatUrgency(card: AlertCard): string | undefined {
  const level = card.urgencyLevel;
  if (!isNumber(card.urgency)) return level;
  const value = String(Math.round(card.urgency));
  return level === undefined ? value : `${value} (${level})`;
}

function isNumber(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value);
}

/** Our time format, or the text as Sekoia.io gave it when it is no date. */
function seen(iso: string | undefined, write: WriteInline): string | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? formatTime(ms) : write(iso, 40);
}

function assets(list: readonly AlertAsset[], write: WriteInline): string | undefined {
  const named: string[] = [];
  let count = 0;
  for (const asset of list) {
    const label = assetLabel(asset);
    if (label === undefined) continue;
    count += 1;
    if (named.length < MAX_ASSETS) named.push(describeAsset(label, asset.criticality, write));
  }
  if (count === 0) return undefined;
  return count > named.length ? `${named.join(', ')} +${count - named.length} more` : named.join(', ');
}

/** The asset's name, or its UUID when the asset API could not name it. */
function assetLabel(asset: AlertAsset): string | undefined {
  for (const text of [asset.name, asset.uuid]) {
    if (typeof text === 'string' && text.trim() !== '') return text;
  }
  return undefined;
}

/** "srv-db-01 (criticality 80)", or the label alone when the criticality is unknown. */
function describeAsset(label: string, criticality: number | undefined, write: WriteInline): string {
  const text = write(label, 48);
  return isNumber(criticality) ? `${text} (criticality ${Math.round(criticality)})` : text;
}

/** "r7k2 · Ransomware on servers", or the id alone when the rule has no name. */
function matchedRule(rule: AlertCard['matchedRule'], write: WriteInline): string {
  const id = write(rule.id, 40);
  return rule.name === undefined || rule.name.trim() === '' ? id : `${id} · ${write(rule.name, 120)}`;
}
