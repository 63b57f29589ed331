import { describe, expect, it } from 'vitest';
import { isWindowOpen, type MaintenanceWindow, windowCovers } from '../../src/delivery/maintenance-window.ts';
import { prepareFacts } from '../../src/rules/prepare-facts.ts';

const DB_UUID = '3f2b8c1e-7d4a-4e2b-9c1f-5a6b7c8d9e0f';

const window = (condition: MaintenanceWindow['condition']): MaintenanceWindow => ({
  id: 'k3m9',
  channel: { platform: 'mattermost', team: 't', channel: 'soc' },
  condition,
  label: '',
  reason: '',
  by: 'alice',
  startsAt: 1_000,
  endsAt: 2_000,
});

const alert = (entity: string, assets: { uuid: string; name?: string }[] = []) =>
  prepareFacts({ trigger: 'alert-raised', entity: [{ uuid: undefined, name: entity }], asset: assets });

describe('maintenance windows match alerts as rule conditions do', () => {
  it('by entity name, whatever the case, and not another entity', () => {
    const lyon = window({ key: 'entity', op: '=', values: ['Lyon HQ'] });
    expect(windowCovers(lyon, alert('lyon hq'))).toBe(true);
    expect(windowCovers(lyon, alert('Paris DC'))).toBe(false);
  });

  it('by asset name or UUID', () => {
    const byName = window({ key: 'asset', op: '=', values: ['srv-db-01'] });
    const byUuid = window({ key: 'asset', op: '=', values: [DB_UUID] });
    const facts = alert('Lyon HQ', [{ uuid: DB_UUID, name: 'srv-db-01' }]);
    expect(windowCovers(byName, facts)).toBe(true);
    expect(windowCovers(byUuid, facts)).toBe(true);
    expect(windowCovers(byUuid, alert('Lyon HQ', [{ uuid: 'a5a5a5a5-0000-4000-8000-000000000000' }]))).toBe(
      false,
    );
  });

  it('is open from its start until its end, exclusive', () => {
    const w = window({ key: 'entity', op: '=', values: ['x'] });
    expect([999, 1_000, 1_999, 2_000].map((now) => isWindowOpen(w, now))).toEqual([false, true, true, false]);
  });
});
