import { hasExclusion, removeExclusion } from '../rules/edit-exclusion.ts';
import type { CardAction } from './card-action.ts';
import { exclusionWords } from './exclusion-sentence.ts';
import { RULE_GONE, readCardRule } from './read-card-rule.ts';
import { shorten } from './shorten.ts';

/**
 * The Undo of an exclusion announcement: removes exactly the signed value from the rule's `key!=`
 * condition. Idempotent: once it is gone (undone twice, or edited since), it says so and changes nothing.
 */
export const undoExclusionAction: CardAction = {
  button: { id: 'undoExclusion', label: 'Undo', style: 'default' },
  changesStatus: false,
  needsText: false,
  offCard: true,
  pending: (_alertName, ruleId) => `Changing rule ${ruleId}…`,
  done: () => 'Done.',
  async run({ grant }, { rules }) {
    const exclusion = grant.exclusion;
    if (exclusion === undefined) return { ok: false, message: 'This button names nothing to undo.' };
    const rule = await readCardRule(rules, grant);
    if (rule === undefined) return { ok: false, message: RULE_GONE };
    const words = exclusionWords(exclusion, shorten);
    if (!hasExclusion(rule.conditions, exclusion))
      return { ok: false, message: `Rule ${rule.id} does not exclude ${words} any more; nothing to undo.` };
    await rules.editConditions(rule.id, (conditions) => removeExclusion(conditions, exclusion));
    return { ok: true, message: `Rule ${rule.id} posts alerts of ${words} here again.` };
  },
  async follow(ctx) {
    const { grant, user } = ctx;
    if (grant.exclusion === undefined) return;
    await ctx.announce({
      kind: 'exclusion-undone',
      by: user.name,
      ruleId: grant.ruleId,
      exclusion: grant.exclusion,
    });
  },
};
