import { addExclusion, type ExclusionKey, exclusionBlock, hasExclusion } from '../rules/edit-exclusion.ts';
import type { CardAction } from './card-action.ts';
import { exclusionWords } from './exclusion-sentence.ts';
import { RULE_GONE, readCardRule } from './read-card-rule.ts';
import { shorten } from './shorten.ts';

/** The exclusion buttons as cards show them; "Why this card?" names them the same way. */
export const EXCLUSION_BUTTONS: Readonly<Record<ExclusionKey, { id: string; label: string }>> = {
  entity: { id: 'excludeEntity', label: 'Not here: exclude this entity' },
  rule: { id: 'excludeRule', label: 'Not here: exclude this detection rule' },
};

/**
 * "Not for this channel": adds `key!=value` to the rule that posted the card, through the rule
 * store (every replica reloads), with the value the button signed. Announced with an Undo button.
 */
export function excludeAction(key: ExclusionKey): CardAction {
  return {
    button: { ...EXCLUSION_BUTTONS[key], style: 'default' },
    changesStatus: false,
    needsText: false,
    secondary: true,
    excludes: key,
    pending: (_alertName, ruleId) => `Changing rule ${ruleId}…`,
    done: () => 'Done.',
    async run({ grant }, { rules }) {
      const exclusion = grant.exclusion;
      if (exclusion === undefined || exclusion.key !== key)
        return { ok: false, message: 'This button names nothing to exclude.' };
      const rule = await readCardRule(rules, grant);
      if (rule === undefined) return { ok: false, message: RULE_GONE };
      const words = exclusionWords(exclusion, shorten);
      if (exclusionBlock(rule, exclusion) === 'only-matches-it')
        return {
          ok: false,
          message: `Rule ${rule.id} asks for that ${key} by name: excluding ${words} would stop it for good; unsubscribe ${rule.id} instead.`,
        };
      if (exclusionBlock(rule, exclusion) !== undefined)
        return { ok: false, message: `${words} cannot be excluded from rule ${rule.id}.` };
      if (hasExclusion(rule.conditions, exclusion))
        return { ok: false, message: `Rule ${rule.id} already excludes ${words}.` };
      await rules.editConditions(rule.id, (conditions) => addExclusion(conditions, exclusion));
      return { ok: true, message: `Rule ${rule.id} no longer posts alerts of ${words} here.` };
    },
    async follow(ctx) {
      const { grant, user } = ctx;
      const exclusion = grant.exclusion;
      if (exclusion === undefined) return;
      const { expiresAt: _e, messageId: _m, ...signed } = grant;
      await ctx.announce({
        kind: 'exclusion-added',
        by: user.name,
        ruleId: grant.ruleId,
        exclusion,
        undo: { ...signed, action: 'undoExclusion' },
      });
      await ctx.noteInThread({ kind: 'exclusion', by: user.name, ruleId: grant.ruleId, exclusion });
    },
  };
}
