import { describe, expect, it } from 'vitest';
import { heldBatchSchema, holdInBatch, openBatch } from '../../src/delivery/held-batch.ts';
import { buildHeldCard } from '../../src/delivery/held-card.ts';
import { renderRollupPost } from '../../src/platforms/mattermost/render-rollup-post.ts';
import { stormAlert } from './storm-alerts.ts';

const CHANNEL = { platform: 'mattermost', team: 't', channel: 'soc' };
const HELD_AT = Date.UTC(2026, 10, 30, 19, 30);

describe('held batches and their summary card', () => {
  const hours = openBatch(
    {
      id: `hours-${HELD_AT + 3_600_000}`,
      channel: CHANNEL,
      cause: {
        kind: 'hours',
        opensAt: HELD_AT + 3_600_000,
        hours: 'Mon–Fri 08:00–19:00 Europe/Paris',
        holdBelow: 'high',
      },
    },
    HELD_AT,
  );

  it('counts each alert once, and follows a held alert that changes', () => {
    let batch = holdInBatch(hours, stormAlert(1, { urgency: 20 }), HELD_AT);
    batch = holdInBatch(batch, stormAlert(2, { urgency: 60, entity: 'Paris DC' }), HELD_AT);
    batch = holdInBatch(batch, stormAlert(1, { urgency: 55, status: 'Acknowledged' }), HELD_AT + 1_000);
    expect(batch.rollup.total).toBe(2);
    expect(batch.rollup.byLevel).toEqual({ high: 0, medium: 2, low: 0, unknown: 0 });
    expect(batch.held).toEqual([
      { uuid: 'a1', level: 'medium' },
      { uuid: 'a2', level: 'medium' },
    ]);
    expect(heldBatchSchema.safeParse(batch).success).toBe(true);

    const card = buildHeldCard(batch);
    expect(card).toMatchObject({ stormId: batch.id, kind: 'held', closed: true });
    expect(card.title).toBe('Outside working hours: 2 alerts were held');
    expect(card.note).toContain("outside this channel's working hours (Mon–Fri 08:00–19:00 Europe/Paris)");
    expect(card.facts).toEqual([
      { title: 'By urgency', value: '0 high · 2 medium · 0 low' },
      { title: 'By rule', value: 'Port scan ×2' },
      { title: 'By entity', value: 'Lyon HQ ×1 · Paris DC ×1' },
    ]);
    expect(card.newest.find((line) => line.uuid === 'a1')?.status).toBe('Acknowledged');
    expect(renderRollupPost(card).props.attachments[0].footer).toBe('Sekoia.io · held alerts');
  });

  it('names the maintenance window and its reason', () => {
    const window = openBatch(
      {
        id: 'maintenance-k3m9-1',
        channel: CHANNEL,
        cause: { kind: 'maintenance', windowId: 'k3m9', label: 'entity="Lyon HQ"', reason: 'switch upgrade' },
      },
      HELD_AT,
    );
    const card = buildHeldCard(holdInBatch(window, stormAlert(1), HELD_AT));
    expect(card.title).toBe('Maintenance on entity="Lyon HQ" is over: 1 alert was held');
    expect(card.note).toContain('during the maintenance window on entity="Lyon HQ" (switch upgrade)');
  });
});
