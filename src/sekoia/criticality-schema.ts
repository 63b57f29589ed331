import { z } from 'zod';

/**
 * An asset criticality as Sekoia.io gives it: a whole number from 0 to 100 (SEKOIA-IO/documentation
 * docs/xdr/features/collect/assets.md, "Criticality"). Anything else (null, a string, out of range)
 * reads as unknown rather than making the whole object unreadable.
 */
export const criticalitySchema = z.unknown().transform(readCriticality).optional();

export function readCriticality(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) return undefined;
  return Math.round(value);
}
