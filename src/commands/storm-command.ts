import type { StormView } from '../delivery/create-storm-panel.ts';
import type { StormBudget } from '../delivery/storm-policy.ts';
import { formatTime } from '../format-time.ts';
import { formatDuration, parseDuration } from '../rules/parse-duration.ts';
import { STORM_BUDGET_LIMITS, STORM_WINDOW_LIMITS } from '../rules/storm-limits.ts';
import { quoted, usageError } from '../rules/usage-error.ts';
import type { Command } from './command.ts';
import { readWords } from './read-words.ts';
import { info, success } from './reply-helpers.ts';

export const stormCommand: Command = {
  name: 'storm',
  usage: 'storm [budget <N> per <window> | off]',
  summary: "this channel's card budget before a roll-up card takes over",
  examples: ['storm', 'storm budget 20 per 5m', 'storm off'],
  // Showing the budget only reads; setting it changes what the channel gets.
  needs: (args) => (args === '' ? undefined : 'act'),
  async run(ctx, args, services) {
    const names = ['budget or off', 'a number of cards', 'per', 'a window like 5m'];
    const words = readWords(args, { command: 'storm', min: 0, max: 4, names });
    const [first, count, per, window] = words;
    if (first === undefined) {
      const view = await services.storms.view(ctx.channel);
      return ctx.reply(info('Storm budget', { lines: describe(view) }));
    }
    if (first.toLowerCase() === 'off') {
      if (count !== undefined) throw usageError(`storm off does not take ${quoted(count)}`, { token: count });
      await services.storms.set(ctx.channel, { off: true });
      await ctx.reply(success('Storm budget off in this channel: every alert gets its own card.'));
      return ctx.announce(info(`@${ctx.user.name} turned the storm budget off in this channel`));
    }
    if (first.toLowerCase() !== 'budget')
      throw usageError(`storm takes "budget" or "off", not ${quoted(first)}`, { token: first });
    const budget = readBudget(count, per, window);
    await services.storms.set(ctx.channel, budget);
    const text = budgetText(budget);
    await ctx.reply(success(`Storm budget set: ${text}; over it, new alerts go into one roll-up card.`));
    await ctx.announce(info(`@${ctx.user.name} set this channel's storm budget to ${text}`));
  },
};

function readBudget(
  count: string | undefined,
  per: string | undefined,
  window: string | undefined,
): StormBudget {
  const { min, max } = STORM_BUDGET_LIMITS;
  if (count === undefined) throw usageError('storm budget needs a number of cards, like 20 per 5m');
  const budget = /^\d{1,5}$/.test(count) ? Number(count) : Number.NaN;
  if (!(budget >= min && budget <= max))
    throw usageError(`the budget takes a whole number from ${min} to ${max}, got ${quoted(count)}`, {
      token: count,
    });
  if (per === undefined || per.toLowerCase() !== 'per')
    throw usageError(
      `storm budget ${count} needs "per" and a window, like per 5m${per ? `, got ${quoted(per)}` : ''}`,
      {
        ...(per ? { token: per } : {}),
      },
    );
  if (window === undefined) throw usageError(`storm budget ${count} per needs a window like 5m`);
  return { budget, windowMs: parseDuration(window, STORM_WINDOW_LIMITS) };
}

const budgetText = (budget: StormBudget) =>
  `${budget.budget} new card${budget.budget === 1 ? '' : 's'} per ${formatDuration(budget.windowMs)}`;

function describe(view: StormView): string[] {
  const from = { channel: 'set for this channel', default: 'the default', off: '' }[view.source];
  const budget =
    view.budget === null
      ? 'Budget: off — every alert gets its own card'
      : `Budget: ${budgetText(view.budget)} (${from})`;
  const rollup = view.rollup;
  return [
    budget,
    `Alerts of ${view.ownCardAt} urgency${view.ownCardAt === 'high' ? '' : ' and above'} always get their own card`,
    rollup === null
      ? 'Storm mode: no'
      : `Storm mode: yes — ${rollup.alerts} alert${rollup.alerts === 1 ? '' : 's'} in the roll-up since ${formatTime(rollup.since)} (${rollup.byLevel.high} high, ${rollup.byLevel.medium} medium, ${rollup.byLevel.low} low)`,
  ];
}
