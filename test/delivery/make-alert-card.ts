import type { AlertCard } from '../../src/delivery/alert-card.ts';

/** A full alert card, as an enriched alert gives it. */
export function makeAlertCard(overrides: Partial<AlertCard> = {}): AlertCard {
  return {
    alertUuid: '0f6c2a8e-7d1b-4b7e-9a53-3c1f8d2e6b90',
    shortId: 'ALT-4821',
    title: 'Suspicious PowerShell',
    link: 'https://app.sekoia.io/operations/alerts/ALT-4821',
    urgency: 82,
    urgencyLevel: 'high',
    status: 'Pending',
    entity: 'Lyon HQ',
    rule: 'Encoded command',
    alertType: 'malicious-code / trojan',
    assets: ['WS-114', 'srv01'],
    occurrences: 3,
    firstSeenAt: '2026-03-02T08:00:12.345Z',
    lastSeenAt: '2026-03-02T09:15:00Z',
    matchedRule: { id: 'r7k2', name: 'Critical hosts' },
    workflowActions: ['acknowledge'],
    enriched: true,
    lastActivity: undefined,
    ...overrides,
  };
}
