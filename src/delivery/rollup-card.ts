import { formatDuration } from '../rules/parse-duration.ts';
import type { RollupLine, RollupState } from './rollup-state.ts';
import type { Tally } from './rollup-tally.ts';

/** Names shown per tally (rule, entity). */
export const ROLLUP_TOP = 5;

/**
 * A channel's roll-up card, platform-neutral. Every string is untrusted plain text (alert titles,
 * rule and entity names) except the lines' links, which the normalizer built; each platform escapes.
 */
export interface RollupCard {
  stormId: string;
  /**
   * A storm's roll-up (the default), the summary of alerts held by quiet hours or a maintenance
   * window, a channel's daily digest, or the alerts a catch-up found after missed WebHooks.
   */
  kind?: 'storm' | 'held' | 'digest' | 'catch-up';
  closed: boolean;
  /** "412 alerts since 14:02 UTC", or once closed "Storm over: 412 alerts from 14:02 to 14:31 UTC". */
  title: string;
  /** Why there is a roll-up, and that urgent alerts still get their own card. */
  note: string;
  facts: { title: string; value: string }[];
  mostUrgent: readonly RollupLine[];
  /** The heading of `mostUrgent` when not "Most urgent". */
  mostUrgentTitle?: string;
  newest: readonly RollupLine[];
}

export function buildRollupCard(state: RollupState): RollupCard {
  const closed = state.closedAt !== null;
  const alerts = `${state.total} alert${state.total === 1 ? '' : 's'}`;
  const title = closed
    ? `Storm over: ${alerts} from ${hhmm(state.openedAt)} to ${clockTime(state.lastRolledAt)}`
    : `Alert storm: ${alerts} since ${clockTime(state.openedAt)}`;
  const budget = `${state.budget} new card${state.budget === 1 ? '' : 's'} per ${formatDuration(state.windowMs)}`;
  const own = `Alerts of ${state.ownCardAt} urgency${state.ownCardAt === 'high' ? '' : ' and above'} still get their own card.`;
  const note = closed
    ? `These alerts came over this channel's budget (${budget}) and were counted here instead of getting a card each.`
    : `This channel is over its budget (${budget}): new alerts are counted here instead of getting a card each. ${own}`;
  return {
    stormId: state.stormId,
    closed,
    title,
    note,
    facts: rollupFacts(state),
    mostUrgent: state.urgent,
    newest: state.newest,
  };
}

/** The counts of a roll-up (by urgency, rule and entity), as every summary card shows them. */
export function rollupFacts(state: RollupState): RollupCard['facts'] {
  const { byLevel } = state;
  const levels = [
    `${byLevel.high} high`,
    `${byLevel.medium} medium`,
    `${byLevel.low} low`,
    ...(byLevel.unknown > 0 ? [`${byLevel.unknown} unknown`] : []),
  ].join(' · ');
  return [
    { title: 'By urgency', value: levels },
    { title: 'By rule', value: tallyText(state.byRule) },
    { title: 'By entity', value: tallyText(state.byEntity) },
  ];
}

/** `Suspicious PowerShell ×5 · Port scan ×2 · 3 others`. */
function tallyText(tally: Tally): string {
  const top = tally.top.slice(0, ROLLUP_TOP);
  const rest = tally.top.slice(ROLLUP_TOP).reduce((sum, entry) => sum + entry.count, 0) + tally.others;
  const shown = top.map((entry) => `${entry.name} ×${entry.count}`);
  if (rest > 0) shown.push(`${rest} other${rest === 1 ? '' : 's'}`);
  return shown.join(' · ') || 'none';
}

/** A line's text after its short id: `Title — high 80 · Pending`. */
export function lineText(line: RollupLine): string {
  const urgency = line.urgency === null ? line.level : `${line.level} ${Math.round(line.urgency)}`;
  const status = line.status === null ? '' : ` · ${line.status}`;
  return `${line.title || 'Untitled alert'} — ${urgency}${status}`;
}

/** `14:02 UTC`: a storm is read the day it happens; the card's post time gives the date. */
function clockTime(ms: number): string {
  return `${hhmm(ms)} UTC`;
}

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
