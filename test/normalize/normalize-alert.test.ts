import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sekoiaEventSchema } from '../../src/ingress/sekoia-event-schema.ts';
import type { StoredEvent } from '../../src/ingress/stored-event.ts';
import { detectAlertChanges } from '../../src/normalize/detect-alert-changes.ts';
import { normalizeAlert } from '../../src/normalize/normalize-alert.ts';
import { urgencyLevel } from '../../src/normalize/urgency-level.ts';
import { alertSchema } from '../../src/sekoia/alert-schema.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/sekoia/${name}`, import.meta.url), 'utf8')) as unknown;
const alert = alertSchema.parse(fixture('alert.json'));
const APP = 'https://app.fra2.sekoia.io';

function stored(body: unknown): StoredEvent {
  return { event: sekoiaEventSchema.parse(body), receivedAt: 1_772_439_400_000, requestId: 'r1' };
}

describe('normalizeAlert', () => {
  it('builds the card data from the alert re-read through the API', () => {
    const n = normalizeAlert({
      stored: stored(fixture('alert-created.json')),
      eventId: 'e1',
      alert,
      appUrl: APP,
      observedAt: 1_772_439_401_000,
    });
    expect(n).toMatchObject({
      kind: 'alert',
      trigger: 'alert-raised',
      enriched: true,
      changes: [],
      event: { id: 'e1', type: 'alert', action: 'created', receivedAt: 1_772_439_400_000 },
      alert: {
        uuid: alert.uuid,
        shortId: alert.short_id,
        title: alert.title,
        urgency: 68,
        urgencyLevel: 'medium',
        status: { name: 'Pending' },
        entity: { name: 'Lyon HQ' },
        rule: { name: alert.rule?.name },
        alertType: { category: 'intrusions', value: 'system-compromise' },
        occurrences: 3,
        link: `${APP}/operations/alerts/${alert.short_id}`,
      },
    });
  });

  it('marks an update with what changed', () => {
    const n = normalizeAlert({
      stored: stored(fixture('alert-updated.json')),
      eventId: 'e2',
      alert,
      appUrl: APP,
      observedAt: 1_772_439_401_000,
    });
    expect(n.trigger).toBe('alert-updated');
    expect(n.changes).toEqual(['status']);
  });

  it('takes the workflow buttons from the workflow Sekoia.io returned, by id or by name', () => {
    const n = normalizeAlert({
      stored: stored(fixture('alert-updated.json')),
      eventId: 'e4',
      alert,
      appUrl: APP,
      observedAt: 1,
      workflow: [
        { id: '1390be4e-ced8-4dd6-9bed-573471b235ab', name: 'Close' },
        { id: 'custom-id', name: 'reject' },
        { id: 'other', name: 'Escalate' },
      ],
    });
    expect(n.workflow).toEqual(['reject', 'close']);
    expect(n.observedAt).toBe(1);
  });

  it('falls back to the built-in workflow of the status when the workflow could not be read', () => {
    const n = normalizeAlert({
      stored: stored(fixture('alert-created.json')),
      eventId: 'e5',
      alert,
      appUrl: APP,
      observedAt: 1,
    });
    expect(n.alert.status.name).toBe('Pending');
    expect(n.workflow).toEqual(['acknowledge', 'validate', 'reject']);
  });

  it('falls back to what the WebHook said, with the alert link, when the API could not be read', () => {
    const body = fixture('alert-created.json') as { attributes: Record<string, unknown> };
    const n = normalizeAlert({
      stored: stored({
        ...body,
        attributes: { ...body.attributes, urgency_current_value: 80, rule_name: 'Mimikatz', entity_name: 12 },
      }),
      eventId: 'e3',
      alert: undefined,
      appUrl: APP,
      observedAt: 1_772_439_401_000,
    });
    expect(n.enriched).toBe(false);
    expect(n.alert).toMatchObject({
      uuid: body.attributes.uuid,
      shortId: body.attributes.short_id,
      urgency: 80,
      urgencyLevel: 'high',
      rule: { name: 'Mimikatz' },
      entity: { name: undefined },
      link: `${APP}/operations/alerts/${body.attributes.short_id}`,
    });
  });

  it('carries the asset criticality of urgency.criticity and the assets, not named yet', () => {
    const n = normalizeAlert({
      stored: stored(fixture('alert-created.json')),
      eventId: 'e6',
      alert,
      appUrl: APP,
      observedAt: 1,
    });
    expect(n.alert.criticality).toBe(65);
    expect(n.alert.assets).toEqual([
      { uuid: 'e7a1c3d9-4b52-4f0e-9c86-2d1b7a5f3e64', name: undefined, criticality: undefined },
    ]);
  });

  it.each([
    ['absent', undefined, undefined],
    ['null', null, undefined],
    ['text', 'high', undefined],
    ['out of range', 180, undefined],
    ['zero', 0, 0],
  ])('reads a criticity %s without refusing the alert', (_what, criticity, expected) => {
    const raw = fixture('alert.json') as { urgency: Record<string, unknown> };
    const urgency: Record<string, unknown> = { ...raw.urgency, criticity };
    if (criticity === undefined) delete urgency.criticity;
    const body = { ...raw, urgency };
    const read = alertSchema.parse(body);
    const n = normalizeAlert({
      stored: stored(fixture('alert-created.json')),
      eventId: 'e7',
      alert: read,
      appUrl: APP,
      observedAt: 1,
    });
    expect(n.alert.criticality).toBe(expected);
  });

  it('keeps the WebHook asset UUIDs when the API could not be read', () => {
    const body = fixture('alert-created.json') as { attributes: Record<string, unknown> };
    const uuid = '5b2f7c1e-8a43-4d6e-b0f9-3e1c7a9d2f64';
    const n = normalizeAlert({
      stored: stored({ ...body, attributes: { ...body.attributes, assets_uuids: [uuid, 7] } }),
      eventId: 'e8',
      alert: undefined,
      appUrl: APP,
      observedAt: 1,
    });
    expect(n.alert).toMatchObject({ criticality: undefined, assets: [{ uuid, name: undefined }] });
  });
});

describe('detectAlertChanges', () => {
  it.each([
    [{ status: 'x', status_name: 'Acknowledged' }, ['status']],
    [{ dynamic_urgency_value: 20 }, ['urgency']],
    [{ similar: 42 }, ['occurrence']],
    [{ similar: 1, urgency: 3 }, ['occurrence', 'urgency']],
    [{ title: 'x' }, []],
    [undefined, []],
    ['status', []],
  ])('%j → %j', (updated, expected) => {
    expect(detectAlertChanges(updated)).toEqual(expected);
  });
});

describe('urgencyLevel', () => {
  it.each([
    [0, 'low'],
    [49, 'low'],
    [50, 'medium'],
    [74, 'medium'],
    [75, 'high'],
    [100, 'high'],
    [undefined, undefined],
    [Number.NaN, undefined],
  ])('%s → %s', (value, level) => {
    expect(urgencyLevel(value)).toBe(level);
  });
});
