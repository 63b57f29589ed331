import { z } from 'zod';

/**
 * Field readers for API answers whose shape is not published or drifts (issue 10, reference §13): a field
 * of an unexpected type reads as absent instead of making the whole object unreadable. Only the fields
 * an object cannot be used without stay strict, in its own schema.
 */

/** Text, or absent. */
export const someText = z.string().optional().catch(undefined);

/** Non-empty text, or absent. */
export const someName = z.string().min(1).optional().catch(undefined);

/** A finite number, or absent. */
export const someNumber = z.number().optional().catch(undefined);

/** Text or null as sent; anything else reads as null. */
export const nullableText = z.string().nullish().catch(null);

/** A number or null as sent; anything else reads as null. */
export const nullableNumber = z.number().nullish().catch(null);

/** Unix seconds below this, milliseconds above (year 5138 in seconds). */
const SECONDS_LIMIT = 100_000_000_000;

function instantText(value: number): string | null {
  const date = new Date(value < SECONDS_LIMIT ? value * 1_000 : value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An ISO-8601 date-time as sent, or Unix seconds / milliseconds turned into one; else null. */
export const nullableInstant = z
  .union([z.string(), z.number().transform(instantText)])
  .nullish()
  .catch(null);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The nested object when it is one, else `{}`: its fields then read as absent. */
export function someObject<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (isRecord(value) ? value : {}), schema);
}

/** The nested object when it reads, else null. */
export function nullableObject<Schema extends z.ZodType>(schema: Schema) {
  return schema.nullable().default(null).catch(null);
}

/** The items that read; others are dropped. Absent when the field is not a list. */
export function someItems<Item extends z.ZodType>(item: Item) {
  return z
    .array(z.unknown())
    .optional()
    .catch(undefined)
    .transform((values): z.output<Item>[] | undefined =>
      values?.flatMap((value) => {
        const read = item.safeParse(value);
        return read.success ? [read.data] : [];
      }),
    );
}
