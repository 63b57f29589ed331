import { formatTime } from '../format-time.ts';
import { formatConditions, formatMention } from '../rules/format-subscription.ts';
import { describeRemindPlan } from '../rules/read-remind-option.ts';
import type { Rule } from '../rules/rule.ts';
import type { Command } from './command.ts';
import { readWords } from './read-words.ts';
import { info } from './reply-helpers.ts';

export const rulesCommand: Command = {
  name: 'rules',
  usage: 'rules',
  summary: "lists this channel's rules",
  examples: ['rules'],
  async run(ctx, args, services) {
    readWords(args, { command: 'rules', min: 0, max: 0, names: [] });
    const rules = await services.rules.listByChannel(ctx.channel);
    if (rules.length === 0) {
      await ctx.reply(
        info('No rules in this channel yet.', { code: ['subscribe alert-raised urgency>=high'] }),
      );
      return;
    }
    const now = services.clock.now();
    const count = rules.length === 1 ? '1 rule' : `${rules.length} rules`;
    await ctx.reply(
      info(`${count} in this channel:`, { lines: rules.map((rule) => describeRule(rule, now)) }),
    );
  },
};

/** `r7k2 · alert-raised urgency>=high · muted until … · 3 matches, last 2026-03-02 09:14 UTC` */
export function describeRule(rule: Rule, now: number): string {
  const parts = [rule.id];
  if (rule.name !== undefined) parts.push(`"${rule.name}"`);
  parts.push([rule.trigger, formatConditions(rule.conditions)].filter(Boolean).join(' '));
  if (rule.notify !== undefined) {
    const names = rule.notify.mentions.map(formatMention).join(', ');
    const level = rule.notify.minUrgency === null ? '' : ` at ${rule.notify.minUrgency}+`;
    parts.push(`notifies ${names}${level}`);
  }
  if (rule.remind !== undefined) parts.push(describeRemindPlan(rule.remind));
  if (rule.mute !== null && rule.mute.until > now) {
    const reason = rule.mute.reason === undefined ? '' : ` (${rule.mute.reason})`;
    parts.push(`muted until ${formatTime(rule.mute.until)} by ${rule.mute.by.name}${reason}`);
  }
  const matches = rule.matchCount === 1 ? '1 match' : `${rule.matchCount} matches`;
  parts.push(rule.lastMatchAt === null ? matches : `${matches}, last ${formatTime(rule.lastMatchAt)}`);
  return parts.join(' · ');
}
