import { z } from 'zod';
import { alertSchema, type SekoiaAlert } from './alert-schema.ts';

/** One page of `GET /v1/sic/alerts`: the readable alerts, and how many items were not. */
export interface AlertPage {
  items: SekoiaAlert[];
  /** Items of the page that are not alerts the bot can read (no uuid…): left out, counted. */
  unreadable: number;
  /** How many items the page held, unreadable ones included: a page shorter than `limit` is the last. */
  size: number;
  total?: number;
}

/**
 * Read item by item, so that one odd alert does not hide the others of its page (the rest of the
 * bot reads alerts as leniently, `lenient-fields.ts`).
 */
export const alertPageSchema = z
  .looseObject({ items: z.array(z.unknown()), total: z.number().int().min(0).nullish() })
  .transform(({ items, total }): AlertPage => {
    const read = items.map((item) => alertSchema.safeParse(item));
    const alerts = read.flatMap((result) => (result.success ? [result.data] : []));
    return {
      items: alerts,
      unreadable: items.length - alerts.length,
      size: items.length,
      ...(typeof total === 'number' ? { total } : {}),
    };
  });
