import type { FakeAlert } from './fake-alert.ts';

/** Filters of `GET /v1/sic/alerts` the fake understands (reference §5.3); values are comma-OR-ed. */
const MATCHERS: Readonly<Record<string, (alert: FakeAlert) => readonly (string | null | undefined)[]>> = {
  uuid: (alert) => [alert.uuid],
  short_id: (alert) => [alert.short_id],
  title: (alert) => [alert.title],
  community_uuid: (alert) => [alert.community_uuid],
  status_uuid: (alert) => [alert.status.uuid],
  status_name: (alert) => [alert.status.name],
  rule_uuid: (alert) => [alert.rule?.uuid],
  rule_name: (alert) => [alert.rule?.name],
  entity_uuid: (alert) => [alert.entity?.uuid],
  entity_name: (alert) => [alert.entity?.name],
  source: (alert) => [alert.source],
  target: (alert) => [alert.target],
  node: (alert) => [alert.source, alert.target],
  asset_uuid: (alert) => alert.assets,
  urgency_display: (alert) => [alert.urgency.display],
  custom_status_uuid: (alert) => [alert.custom_status_uuid],
  type_category: (alert) => [alert.alert_type?.category],
  type_value: (alert) => [alert.alert_type?.value],
};

export type AlertMatch = ReadonlyMap<string, readonly string[]>;

export interface AlertStore {
  add(alert: FakeAlert): void;
  /** By UUID or short id, like every alert route (reference §5.1). */
  find(idOrShortId: string): FakeAlert | undefined;
  /** Newest first. */
  list(match: AlertMatch): FakeAlert[];
  isKnownFilter(field: string): boolean;
}

export function createAlertStore(): AlertStore {
  const alerts = new Map<string, FakeAlert>();
  return {
    add(alert) {
      alerts.set(alert.uuid, alert);
    },
    find(idOrShortId) {
      return alerts.get(idOrShortId) ?? [...alerts.values()].find((alert) => alert.short_id === idOrShortId);
    },
    list(match) {
      const matches = (alert: FakeAlert) =>
        [...match].every(([field, values]) => {
          const actual = MATCHERS[field]?.(alert) ?? [];
          return actual.some((value) => value !== null && value !== undefined && values.includes(value));
        });
      return [...alerts.values()].filter(matches).sort((a, b) => b.created_at - a.created_at);
    },
    isKnownFilter(field) {
      return field in MATCHERS;
    },
  };
}
