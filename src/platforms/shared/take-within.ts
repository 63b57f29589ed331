export interface TakeWithinOptions {
  render: (item: string) => string;
  /** What one rendered item costs, in the unit of `budget`. */
  size: (rendered: string) => number;
  budget: number;
}

/**
 * The items rendered, as many as fit in the budget, and when some do not, "… and N more" rendered
 * like an item in their place (it costs nothing: callers keep room for it). `left` is the budget the
 * taken items leave.
 */
export function takeWithin(
  items: readonly string[],
  options: TakeWithinOptions,
): { taken: string[]; left: number } {
  const { render, size } = options;
  const taken: string[] = [];
  let left = options.budget;
  for (const [index, item] of items.entries()) {
    const rendered = render(item);
    const cost = size(rendered);
    if (cost > left) return { taken: [...taken, render(`… and ${items.length - index} more`)], left };
    taken.push(rendered);
    left -= cost;
  }
  return { taken, left };
}
