import { describe, expect, it } from 'vitest';
import { cardRecordSchema, parseAlertState } from '../../src/storage/card-schemas.ts';

const UUID = '5b2f7c1e-8a43-4d6e-b0f9-3e1c7a9d2f64';

function storedState(assets: unknown[]) {
  return JSON.parse(
    JSON.stringify({
      notification: {
        kind: 'alert',
        trigger: 'alert-raised',
        event: { id: 'e1', type: 'alert', action: 'created' },
        alert: {
          uuid: 'a1',
          link: 'https://app.sekoia.io/operations/alerts/ALa1',
          assets,
          status: {},
          entity: {},
          rule: {},
          alertType: {},
        },
        changes: [],
        enriched: true,
        workflow: [],
        observedAt: 1,
      },
      activity: null,
    }),
  ) as unknown;
}

describe('parseAlertState', () => {
  it('reads the named assets kept with the alert state', () => {
    const state = parseAlertState(
      storedState([{ uuid: UUID, name: 'srv-db-01', criticality: 80 }, { uuid: UUID }]),
    );
    expect(state?.notification.alert.assets).toEqual([
      { uuid: UUID, name: 'srv-db-01', criticality: 80 },
      { uuid: UUID },
    ]);
  });

  it('reads a state kept before assets were named (bare UUIDs) as assets not named yet', () => {
    const state = parseAlertState(storedState([UUID]));
    expect(state?.notification.alert.assets).toEqual([
      { uuid: UUID, name: undefined, criticality: undefined },
    ]);
  });

  it('refuses an asset of another shape', () => {
    expect(parseAlertState(storedState([{ name: 'no uuid' }]))).toBeUndefined();
    expect(parseAlertState(storedState([{ uuid: UUID, criticality: 'high' }]))).toBeUndefined();
  });
});

describe('cardRecordSchema', () => {
  const marker = {
    alertUuid: 'a1',
    channel: { platform: 'mattermost', team: 't1', channel: 'c1' },
    messageId: null,
    creatingSince: 1,
    ruleId: 'r7k2',
    ruleName: null,
    status: null,
    shownAt: 0,
  };

  it('reads a marker written before inFlight existed, without it (taken as "may have been posted")', () => {
    const parsed = cardRecordSchema.parse(marker);
    expect(parsed).toEqual(marker);
    expect(parsed.inFlight).toBeUndefined();
  });

  it('reads the mentions of a card: bare names written before ids existed, and mentions by id', () => {
    const parsed = cardRecordSchema.parse({
      ...marker,
      mentions: [
        'oncall',
        { name: 'Alice Martin', id: '29:alice' },
        { name: 'SOC', id: 'dGFn', group: true },
      ],
    });
    expect(parsed.mentions).toEqual([
      { name: 'oncall' },
      { name: 'Alice Martin', id: '29:alice' },
      { name: 'SOC', id: 'dGFn', group: true },
    ]);
    expect(cardRecordSchema.safeParse({ ...marker, mentions: ['Alice Martin'] }).success).toBe(false);
    expect(cardRecordSchema.safeParse({ ...marker, mentions: [{ name: 'all' }] }).success).toBe(false);
    expect(cardRecordSchema.safeParse({ ...marker, mentions: [{ name: 'x', id: '' }] }).success).toBe(false);
  });

  it('reads a marker that records a post certainly not made', () => {
    expect(cardRecordSchema.parse({ ...marker, inFlight: false }).inFlight).toBe(false);
  });
});
