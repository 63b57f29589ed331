import type { AlertChange } from './notification.ts';

const CHANGE_OF_FIELD: Readonly<Record<string, AlertChange>> = {
  status: 'status',
  status_name: 'status',
  status_uuid: 'status',
  custom_status_uuid: 'status',
  urgency: 'urgency',
  urgency_current_value: 'urgency',
  dynamic_urgency_value: 'urgency',
  similar: 'occurrence',
};

/** Reads the `attributes.updated` hint of an alert update (reference §3.2, §3.4 rule 5). */
export function detectAlertChanges(updated: unknown): AlertChange[] {
  if (typeof updated !== 'object' || updated === null || Array.isArray(updated)) return [];
  const changes = new Set<AlertChange>();
  for (const field of Object.keys(updated)) {
    const change = CHANGE_OF_FIELD[field];
    if (change) changes.add(change);
  }
  return [...changes];
}
