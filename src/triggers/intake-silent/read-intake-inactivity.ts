import type { EventRef } from '../../normalize/notification.ts';

/**
 * WebHook types taken for Sekoia.io's own "No events are received" notification (one intake, 15 min to
 * 24 h of inactivity). Its payload is not documented (reference sekoia-api §3.2, §13; nothing in
 * SEKOIA-IO/documentation or SEKOIA-IO/automation-library names it), so these are the plausible
 * spellings, compared in lower case with `_` read as `-`: a type of its own (any action), or the
 * `intake` family with an inactivity action. Anything else, or one of these without an intake UUID,
 * stays an "other" notification; the intake-silence poll remains the reliable path.
 */
export const INTAKE_INACTIVITY_TYPES: ReadonlySet<string> = new Set([
  'intake-inactivity',
  'intake-inactive',
  'intake-no-events',
  'intake-no-event',
  'intake-silent',
  'intake-silence',
  'no-events',
  'no-events-received',
  'no-event',
  'inactive-intake',
  'intake-not-receiving-events',
]);
/** With type `intake` / `intakes`: the actions taken for inactivity. */
export const INTAKE_INACTIVITY_ACTIONS: ReadonlySet<string> = new Set([
  'no-events',
  'no-events-received',
  'no-event',
  'inactive',
  'inactivity',
  'inactivity-detected',
  'silent',
  'silence',
  'idle',
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IntakeInactivity {
  intake: { uuid: string; name: string | undefined };
  /** When Sekoia.io noticed (the notification's time, never after its arrival), epoch ms. */
  at: number;
  /** The intake's last event, when the WebHook gives it. */
  lastEventAt: number | undefined;
}

type Fields = Record<string, unknown>;
const fieldsOf = (value: unknown): Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};
const spelling = (text: string) => text.toLowerCase().replaceAll('_', '-');

export function isIntakeInactivity(type: string, action: string): boolean {
  const [t, a] = [spelling(type), spelling(action)];
  return (
    INTAKE_INACTIVITY_TYPES.has(t) ||
    ((t === 'intake' || t === 'intakes') && INTAKE_INACTIVITY_ACTIONS.has(a))
  );
}

const uuidIn = (...values: unknown[]) =>
  values.find((value): value is string => typeof value === 'string' && UUID.test(value))?.toLowerCase();
const nameIn = (...values: unknown[]) =>
  values
    .find((value): value is string => typeof value === 'string' && value.trim() !== '')
    ?.trim()
    .slice(0, 200);

/** An ISO-8601 string or epoch seconds / ms; undefined for anything else. */
function instant(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0)
    return value < 1e11 ? value * 1_000 : value;
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The intake and times of a "no events" WebHook, read defensively: the intake UUID from
 * `attributes.intake_uuid`, `attributes.intake.uuid`, `attributes.intake` or `attributes.uuid`; its name
 * from `intake_name`, `intake.name` or `name`; its last event from `last_event_at` / `last_seen_at`.
 * Undefined when the type is not one of the above or no intake UUID is found.
 */
export function readIntakeInactivity(event: EventRef, attributes: unknown): IntakeInactivity | undefined {
  if (!isIntakeInactivity(event.type, event.action)) return undefined;
  const a = fieldsOf(attributes);
  const nested = fieldsOf(a.intake);
  const uuid = uuidIn(a.intake_uuid, nested.uuid, a.intake, a.uuid);
  if (uuid === undefined) return undefined;
  const created = instant(event.createdAt);
  const at = created === undefined ? event.receivedAt : Math.min(created, event.receivedAt);
  const last = instant(a.last_event_at ?? nested.last_event_at ?? a.last_seen_at ?? nested.last_seen_at);
  return {
    intake: { uuid, name: nameIn(a.intake_name, nested.name, a.name) },
    at,
    lastEventAt: last !== undefined && last <= at ? last : undefined,
  };
}
