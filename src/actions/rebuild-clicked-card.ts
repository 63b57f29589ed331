import { type AlertCard, buildAlertCard } from '../delivery/alert-card.ts';
import type { AlertState } from '../delivery/alert-state-store.ts';
import type { CardTarget } from '../delivery/card-sink.ts';
import type { CardStore } from '../delivery/card-store.ts';
import type { PlatformNames } from '../delivery/platform-names.ts';
import type { ActionGrant } from './action-grant.ts';

/**
 * The clicked card as `state` shows it, and where it lives, for the platform to put in its answer to
 * the click; undefined when the card or the state is not known (the card jobs will catch up).
 */
export async function rebuildClickedCard(input: {
  cards: Pick<CardStore, 'get'>;
  grant: ActionGrant;
  state: AlertState | undefined;
  names: PlatformNames;
}): Promise<{ target: CardTarget; card: AlertCard } | undefined> {
  const { grant, state } = input;
  if (state === undefined) return undefined;
  const record = await input.cards.get(grant.alertUuid, { platform: grant.platform, channel: grant.channel });
  if (record === undefined) return undefined;
  const card = buildAlertCard({
    notification: state.notification,
    matchedRule: { id: record.ruleId, name: record.ruleName ?? undefined },
    workflowActions: state.notification.workflow,
    lastActivity: state.activity ?? undefined,
    names: input.names,
    mentions: record.mentions ?? [],
  });
  return { target: { channel: record.channel, ruleId: record.ruleId }, card };
}
