import type { UrgencyLevel } from '../normalize/notification.ts';

/** An inclusive range of numbers a value stands for: a number n is [n, n], a level its band. */
export type Interval = readonly [number, number];

/** Sekoia's UI bands (reference §5.1), the same as normalize/urgency-level.ts. */
export const URGENCY_LEVELS: Readonly<Record<UrgencyLevel, Interval>> = {
  low: [0, 49],
  medium: [50, 74],
  high: [75, 100],
};

/**
 * TLP colours in order of restriction; `clear` (TLP 2.0) is the same as `white` (TLP 1.0, the name
 * Sekoia.io shows), and is stored as `white`.
 */
export const TLP_ORDER = ['white', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof TLP_ORDER)[number];

/** `TLP:CLEAR`, `clear`, `White` → `white`; undefined for anything that is not a TLP colour. */
export function canonicalTlp(text: string): Tlp | undefined {
  const lower = text.trim().toLowerCase().replace(/^tlp:/, '');
  const colour = lower === 'clear' ? 'white' : lower;
  return TLP_ORDER.find((tlp) => tlp === colour);
}

export function tlpRank(text: string): number | undefined {
  const tlp = canonicalTlp(text);
  return tlp === undefined ? undefined : TLP_ORDER.indexOf(tlp);
}

/**
 * The ranks a TLP value of a condition stands for. TLP 2.0 split TLP 1.0's AMBER in two, so `amber`
 * is a band, AMBER and AMBER+STRICT (as `high` is a band of urgencies): `tlp=amber` matches both,
 * `tlp>amber` only RED, `tlp<=amber` AMBER+STRICT too; `amber+strict` is AMBER+STRICT alone.
 */
export function tlpInterval(text: string): Interval | undefined {
  const tlp = canonicalTlp(text);
  if (tlp === undefined) return undefined;
  const rank = TLP_ORDER.indexOf(tlp);
  return tlp === 'amber' ? [rank, TLP_ORDER.indexOf('amber+strict')] : [rank, rank];
}

export function isUrgencyLevel(text: string): text is UrgencyLevel {
  return Object.hasOwn(URGENCY_LEVELS, text);
}
