import { createRule } from '../../src/rules/create-rule.ts';
import { parseSubscription } from '../../src/rules/parse-subscription.ts';
import type { ChannelRef, Rule } from '../../src/rules/rule.ts';
import type { TriggerFacts } from '../../src/rules/trigger-facts.ts';

export const T0 = Date.UTC(2026, 2, 2, 8, 0, 0);
export const LYON_UUID = '0b7c6f1e-2d3a-4e5f-8a9b-1c2d3e4f5a6b';
export const RULE_UUID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
export const ASSET_UUID = 'aa11bb22-cc33-4d44-8e55-ff6677889900';
export const COMMUNITY_UUID = 'b3e1d6a2-7c44-4f0e-8a91-5c2f0d9e6b17';

export const CHANNEL: ChannelRef = { platform: 'mattermost', team: 'team-1', channel: 'soc' };

/** A stored rule from a `subscribe` line. */
export function ruleFrom(line: string, id = 'r7k2', channel: ChannelRef = CHANNEL): Rule {
  return createRule({
    id,
    draft: parseSubscription(line),
    channel,
    createdBy: { id: 'u1', name: 'alice' },
    now: T0,
  });
}

/** A high-urgency pending alert on Lyon HQ, raised by "Suspicious PowerShell". */
export function alertRaised(overrides: Partial<TriggerFacts> = {}): TriggerFacts {
  return {
    trigger: 'alert-raised',
    urgency: 80,
    status: [{ uuid: '2efc4930-1442-4abb-acf2-58ba219a4fd0', name: 'Pending' }],
    asset: [{ uuid: ASSET_UUID }],
    entity: [{ uuid: LYON_UUID, name: 'Lyon HQ' }],
    rule: [{ uuid: RULE_UUID, name: 'Suspicious PowerShell' }],
    type: ['malicious-code', 'malware'],
    community: [{ uuid: COMMUNITY_UUID }],
    recurrence: 3,
    change: [],
    ...overrides,
  };
}
