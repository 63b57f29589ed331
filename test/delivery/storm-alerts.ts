import type { AlertSummary, UrgencyLevel } from '../../src/normalize/notification.ts';
import { urgencyLevel } from '../../src/normalize/urgency-level.ts';

/** An alert summary for storm tests: `n` names it (uuid a<n>, short id AL<n>). */
export function stormAlert(
  n: number,
  more: { urgency?: number; rule?: string; entity?: string; status?: string } = {},
): AlertSummary {
  const urgency = more.urgency ?? 40;
  return {
    uuid: `a${n}`,
    shortId: `AL${n}`,
    title: `Alert number ${n}`,
    urgency,
    urgencyLevel: urgencyLevel(urgency) as UrgencyLevel,
    status: { uuid: undefined, name: more.status ?? 'Pending' },
    entity: { uuid: undefined, name: more.entity ?? 'Lyon HQ' },
    rule: { uuid: undefined, name: more.rule ?? 'Port scan' },
    alertType: { category: undefined, value: undefined },
    assets: [],
    criticality: undefined,
    occurrences: 1,
    firstSeenAt: undefined,
    lastSeenAt: undefined,
    communityUuid: undefined,
    link: `https://app.sekoia.io/operations/alerts/AL${n}`,
  };
}
