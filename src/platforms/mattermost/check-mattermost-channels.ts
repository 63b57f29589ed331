import type { CheckOutcome, DoctorCheck, DoctorContext } from '../../doctor/doctor-check.ts';
import type { ChannelRef } from '../../rules/rule.ts';
import { describeRuleStore } from './describe-rule-store.ts';
import { ACCOUNT_PREREQUISITE, readBotAccount } from './read-bot-account.ts';
import { readChannelMembership } from './read-channel-membership.ts';
import { unexpectedAnswer } from './unexpected-answer.ts';

function missingOutcome(
  username: string,
  total: number,
  missing: { label: string; readable: boolean }[],
): CheckOutcome {
  const labels = missing.map((channel) => channel.label);
  const named = missing.filter((channel) => channel.readable).map((channel) => channel.label);
  const where = named.length > 0 ? ` in ${named.join(', ')}` : ' in each channel';
  return {
    state: 'fail',
    detail: `@${username} is not a member of ${missing.length} of ${total} channel(s) with rules: ${labels.join(', ')}; their cards are refused (403)`,
    fix: `Add the bot: /invite @${username}${where} (in a private channel, one of its members types it), or POST /api/v4/channels/<channel id>/members (manifests/mattermost/README.md step 3).`,
  };
}

async function readRuleChannels(
  context: DoctorContext,
): Promise<{ channels: readonly ChannelRef[] } | { outcome: CheckOutcome }> {
  try {
    return { channels: await context.ruleChannels('mattermost') };
  } catch (error) {
    return {
      outcome: {
        state: 'skip',
        detail: `the rules could not be read from the store (${describeRuleStore(context.config, error)})`,
        fix: 'See the "store" check above; once it answers, run the doctor again.',
      },
    };
  }
}

/** 3. The bot is a member of every channel that has a rule: otherwise it cannot post its cards there. */
export const checkMattermostChannels: DoctorCheck = {
  id: 'mattermost.channels',
  group: 'Mattermost',
  title: 'Channel memberships',
  async run(context) {
    const account = await readBotAccount(context);
    if (!account.ok) return ACCOUNT_PREREQUISITE;
    const rules = await readRuleChannels(context);
    if ('outcome' in rules) return rules.outcome;
    const ids = [...new Set(rules.channels.map((channel) => channel.channel))];
    if (ids.length === 0) return { state: 'ok', detail: 'no channel has a rule yet' };
    const missing: { label: string; readable: boolean }[] = [];
    // One channel after another: a doctor run stays far below Mattermost's rate limit (reference §6.7).
    for (const id of ids) {
      const membership = await readChannelMembership(context, id);
      if (membership.member === undefined)
        return unexpectedAnswer(membership.reply, `GET /api/v4/channels/${id.slice(0, 64)}/members/me`);
      if (!membership.member) missing.push(membership);
    }
    const { username } = account.account;
    if (missing.length > 0) return missingOutcome(username, ids.length, missing);
    return { state: 'ok', detail: `@${username} is a member of the ${ids.length} channel(s) with rules` };
  },
};
