import { describe, expect, it } from 'vitest';
import type { EventRef } from '../../src/normalize/notification.ts';
import { readIntakeInactivity } from '../../src/triggers/intake-silent/read-intake-inactivity.ts';

const INTAKE = '6a1f0c3e-2b4d-4e8f-9a7c-5d3b1e0f2a94';
const RECEIVED = Date.UTC(2026, 10, 30, 12, 0, 5);
const event = (type: string, action: string, createdAt = '2026-11-30T12:00:00Z'): EventRef => ({
  id: '7',
  type,
  action,
  createdAt,
  receivedAt: RECEIVED,
});

describe('readIntakeInactivity (the undocumented "no events" WebHook)', () => {
  it.each([
    ['intake', 'no-events', { uuid: INTAKE }],
    ['intake', 'no_events_received', { intake_uuid: INTAKE }],
    ['Intakes', 'inactive', { intake: { uuid: INTAKE.toUpperCase() } }],
    ['intake-inactivity', 'created', { intake: INTAKE }],
    ['no_events', 'alert', { intake_uuid: INTAKE, uuid: 'e5c1b6f0-0000-4000-8000-000000000000' }],
  ])('finds the intake of %s / %s', (type, action, attributes) => {
    expect(readIntakeInactivity(event(type, action), attributes)).toEqual({
      intake: { uuid: INTAKE, name: undefined },
      at: Date.UTC(2026, 10, 30, 12, 0, 0),
      lastEventAt: undefined,
    });
  });

  it('reads the name and the last event when given, and never dates the notice after its arrival', () => {
    const read = readIntakeInactivity(event('intake', 'no-events', '2030-01-01T00:00:00Z'), {
      intake: { uuid: INTAKE, name: ' Firewall EU ', last_event_at: '2026-11-30T10:00:00Z' },
    });
    expect(read).toEqual({
      intake: { uuid: INTAKE, name: 'Firewall EU' },
      at: RECEIVED,
      lastEventAt: Date.UTC(2026, 10, 30, 10, 0, 0),
    });
    const epoch = readIntakeInactivity(event('intake', 'inactivity'), {
      uuid: INTAKE,
      intake_name: 'Proxy',
      last_seen_at: Date.UTC(2026, 10, 30, 9, 0, 0) / 1_000,
    });
    expect(epoch).toMatchObject({ intake: { name: 'Proxy' }, lastEventAt: Date.UTC(2026, 10, 30, 9, 0, 0) });
  });

  it.each([
    ['no intake UUID', 'intake', 'no-events', { name: 'Firewall EU' }],
    ['an id that is not a UUID', 'intake', 'no-events', { uuid: 'firewall-eu' }],
    ['no attributes at all', 'intake', 'no-events', undefined],
    ['an intake change, not an inactivity', 'intake', 'updated', { uuid: INTAKE }],
    ['another type', 'alert', 'created', { uuid: INTAKE }],
  ])('leaves a notification with %s to the "other" path', (_why, type, action, attributes) => {
    expect(readIntakeInactivity(event(type, action), attributes)).toBeUndefined();
  });
});
