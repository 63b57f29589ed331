import { alertFacts } from '../rules/alert-facts.ts';
import { EXCLUSION_KEYS, type Exclusion, exclusionBlock } from '../rules/edit-exclusion.ts';
import { explainMatch, explanationLines } from '../rules/explain-match.ts';
import { formatSubscription } from '../rules/format-subscription.ts';
import type { Rule } from '../rules/rule.ts';
import type { TriggerFacts } from '../rules/trigger-facts.ts';
import type { CardAction } from './card-action.ts';
import { EXCLUSION_BUTTONS } from './exclude-action.ts';
import { exclusionWords } from './exclusion-sentence.ts';
import { readCardRule } from './read-card-rule.ts';
import { shorten } from './shorten.ts';

/**
 * "Why this card?": the rule of the channel that posted the card, and for each of its conditions
 * the alert's facts that satisfied it (explain-match.ts), for the clicker only; then which
 * exclusions the card's buttons can make here, and why one cannot.
 */
export const whyAction: CardAction = {
  button: { id: 'why', label: 'Why this card?', style: 'default' },
  changesStatus: false,
  needsText: false,
  secondary: true,
  explains: true,
  pending: () => 'Looking up the rule…',
  done: () => 'Done.',
  async run({ grant }, { rules, states }) {
    const rule = await readCardRule(rules, grant);
    if (rule === undefined)
      return { ok: true, message: `Rule ${grant.ruleId}, which posted this card, has been deleted since.` };
    const state = await states.get(grant.alertUuid);
    if (state === undefined) return { ok: true, message: `Posted for rule ${describeRule(rule)}.` };
    const facts = alertFacts(state.notification);
    return { ok: true, message: whyText(rule, facts).join('\n') };
  },
};

function describeRule(rule: Rule): string {
  const name = rule.name === undefined ? '' : ` (${shorten(rule.name, 80)})`;
  return `${rule.id}${name} — ${shorten(formatSubscription({ trigger: rule.trigger, conditions: rule.conditions }), 500)}`;
}

function whyText(rule: Rule, facts: TriggerFacts): string[] {
  const lines = explanationLines(explainMatch(rule, facts)).map((line) => `• ${shorten(line, 300)}`);
  const head = `Posted for rule ${describeRule(rule)}`;
  const body =
    lines.length === 0 ? [`${head}: it takes every alert of its trigger.`] : [`${head}:`, ...lines];
  return [...body, ...exclusionHints(rule, facts)];
}

/** Which "Not for this channel" buttons would change this rule, and which would not (and why). */
function exclusionHints(rule: Rule, facts: TriggerFacts): string[] {
  const values: Readonly<Partial<Record<string, unknown>>> = facts;
  return EXCLUSION_KEYS.flatMap((key) => {
    const refs = values[key];
    const first = Array.isArray(refs) ? (refs[0] as { name?: string; uuid?: string } | undefined) : undefined;
    const value = first?.name ?? first?.uuid;
    if (value === undefined || value === '') return [];
    const exclusion: Exclusion = { key, value };
    const words = exclusionWords(exclusion, shorten);
    const block = exclusionBlock(rule, exclusion);
    if (block === undefined)
      return [
        `Not for this channel? "${EXCLUSION_BUTTONS[exclusion.key].label}" adds ${key}!=${shorten(value, 80)} to rule ${rule.id}.`,
      ];
    if (block === 'only-matches-it')
      return [
        `Excluding ${words} is not offered: rule ${rule.id} asks for a ${key} by name, so it would never match again; unsubscribe ${rule.id} instead.`,
      ];
    return [];
  });
}
