import { formatDuration } from '../rules/parse-duration.ts';
import type { CardAction } from './card-action.ts';

export const MUTE_FROM_CARD_MS = 3_600_000;

/** Mutes the card's rule for an hour (the rule must belong to the card's channel), and says so to all. */
export const muteAction: CardAction = {
  button: { id: 'mute1h', label: 'Mute rule 1h', style: 'default' },
  changesStatus: false,
  needsText: false,
  pending: (_alertName, ruleId) => `Muting rule ${ruleId}…`,
  done: () => 'Done.',
  async run({ grant, user }, { rules, clock }) {
    const rule = await rules.get(grant.ruleId);
    if (
      rule === undefined ||
      rule.channel.platform !== grant.platform ||
      rule.channel.channel !== grant.channel
    ) {
      return { ok: false, message: 'The rule behind this card no longer exists in this channel.' };
    }
    const until = clock.now() + MUTE_FROM_CARD_MS;
    await rules.setMute(rule.id, {
      until,
      by: { id: user.id, name: user.name },
      reason: 'muted from an alert card',
    });
    return { ok: true, message: `Rule ${rule.id} muted for ${formatDuration(MUTE_FROM_CARD_MS)}.` };
  },
  follow: (ctx) => ctx.announce({ kind: 'rule-muted', by: ctx.user.name, ruleId: ctx.grant.ruleId }),
};
