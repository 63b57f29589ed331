import type { SekoiaPage } from '../../src/sekoia/page-schema.ts';

/** The loop reference §11 recommends: ask for pages until one holds fewer items than asked for. */
export async function readAllPages<Item>(
  list: (input: { limit: number; offset: number }) => Promise<SekoiaPage<Item>>,
  limit: number,
): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  for (let pages = 1; ; pages += 1) {
    const page = await list({ limit, offset: items.length });
    items.push(...page.items);
    if (page.items.length < limit) return { items, pages };
  }
}
