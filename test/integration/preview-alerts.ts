import { buildAlert, buildAlertWebhook, type FakeSekoia } from '../fakes/fake-sekoia/index.ts';

const DAY_MS = 86_400_000;
const LYON = { uuid: '3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', name: 'Lyon HQ' };
const PARIS = { uuid: '8e7d6c5b-4a39-4281-9f0e-d1c2b3a4f5e6', name: 'Paris DC' };

/** The alerts `entity="Lyon HQ" urgency>=medium` matches per day, 6 days ago first (today last). */
export const MATCHING_PER_DAY = [3, 0, 1, 2, 0, 1, 2];
export const MATCHING_TOTAL = MATCHING_PER_DAY.reduce((sum, count) => sum + count, 0);
export const PREVIEWED_RULE = 'alert-raised entity="Lyon HQ" urgency>=medium';

/**
 * A week of alerts in the fake Sekoia.io, without their WebHooks: the ones the rule matches (one of
 * them with the entity named in another case, as Sekoia.io may spell it), Lyon HQ alerts below
 * medium, Paris alerts above, and a matching one raised before the window. Returns the alerts of the
 * window, to send as WebHooks later.
 */
export function seedWeekOfAlerts(sekoia: FakeSekoia, now: number): string[] {
  const startOfToday = Math.floor(now / DAY_MS) * DAY_MS;
  const inWindow: string[] = [];
  const add = (daysAgo: number, minute: number, entity: typeof LYON, urgency: number) => {
    // Within the day, never after now (today's alerts are raised in its first minutes).
    const createdMs = Math.min(startOfToday - daysAgo * DAY_MS + minute * 60_000, now - 1_000);
    const created_at = Math.floor(createdMs / 1000);
    const alert = sekoia.addAlert(
      {
        title: `Alert ${daysAgo}d ${minute}m`,
        entity,
        urgency: { ...buildAlert().urgency, current_value: urgency, value: urgency },
        created_at,
        updated_at: created_at,
      },
      { notify: false },
    );
    if (daysAgo < 7) inWindow.push(alert.uuid);
  };
  MATCHING_PER_DAY.forEach((count, index) => {
    const daysAgo = 6 - index;
    for (let i = 0; i < count; i++) {
      const entity = daysAgo === 3 && i === 0 ? { ...LYON, name: 'lyon hq' } : LYON;
      add(daysAgo, i, entity, i % 2 === 0 ? 60 : 90);
    }
    add(daysAgo, 10, LYON, 30);
    add(daysAgo, 11, PARIS, 95);
  });
  add(8, 0, LYON, 90);
  return inWindow;
}

/** Sends each alert's `created` WebHook, as Sekoia.io would have. */
export async function sendCreatedWebhooks(sekoia: FakeSekoia, webhookUrl: string, uuids: readonly string[]) {
  for (const uuid of uuids) {
    const alert = sekoia.getAlert(uuid);
    if (alert === undefined) throw new Error(`no alert ${uuid}`);
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(buildAlertWebhook({ alert, action: 'created' })),
    });
    if (response.status !== 202) throw new Error(`the WebHook was answered ${response.status}`);
  }
}
