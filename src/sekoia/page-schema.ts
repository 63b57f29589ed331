import { z } from 'zod';

/** One page of a `{"items": […], "total": n}` list (reference §11); `total` is not always sent. */
export interface SekoiaPage<Item> {
  items: Item[];
  total?: number;
}

/**
 * A page whose items are checked by `item`. Loop while a page is full: a page with fewer items than
 * `limit` is the last one (reference §11), whatever `total` says.
 */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z
    .looseObject({ items: z.array(item), total: z.number().int().min(0).nullish() })
    .transform(
      ({ items, total }): SekoiaPage<z.output<Item>> =>
        total === null || total === undefined ? { items } : { items, total },
    );
}
