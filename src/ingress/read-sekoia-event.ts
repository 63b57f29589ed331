/**
 * What the bot reads of a stored WebHook notification. Only `type` is certain (the ingress checked
 * it); every other field is read defensively: one of the wrong type or shape is left out, it never
 * makes the notification unreadable (spec §4: the envelope is checked, the rest read defensively).
 */
export interface SekoiaEvent {
  type: string;
  action: string | undefined;
  /** The attributes as sent (`{}` when absent); `uuid` and `short_id` only when well-formed. */
  attributes: EventAttributes;
  metadata: EventMetadata;
}

export type EventAttributes = Readonly<Record<string, unknown>> & {
  readonly uuid?: string;
  readonly short_id?: string;
};

export interface EventMetadata {
  /** The field table says `created`, the example and every client `created_at`: both are read. */
  created_at?: string;
  created?: string;
  /** The notification's own id, when Sekoia.io sends one. */
  uuid?: string;
}

/** Longest `type` accepted (known types are a few characters; this only bounds logs and keys). */
export const MAX_TYPE_LENGTH = 256;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHORT_ID = /^[A-Za-z0-9]{1,64}$/;

/** Reads any value; never throws. */
export function readSekoiaEvent(value: unknown): SekoiaEvent {
  const body = isRecord(value) ? value : {};
  return {
    type: typeOf(body.type),
    action: text(body.action, 100),
    attributes: readAttributes(body.attributes),
    metadata: readMetadata(body.metadata),
  };
}

/** The alert an alert notification is about, when it can be worked on (else it is kept as "other"). */
export function readableAlertUuid(event: SekoiaEvent): string | undefined {
  if (event.type !== 'alert' || (event.action !== 'created' && event.action !== 'updated')) return undefined;
  const uuid = event.attributes.uuid;
  return uuid !== undefined && UUID.test(uuid) ? uuid : undefined;
}

/**
 * Keys under which a notification counts as "seen" (reference §3.4 rule 4), from what is readable:
 * without `metadata.uuid` nor a creation time there is none, so such notifications are all kept
 * (a duplicate shown twice rather than distinct ones dropped as duplicates).
 */
export function dedupeKeysOf(event: SekoiaEvent): string[] {
  const keys: string[] = [];
  if (event.metadata.uuid) keys.push(`u:${event.metadata.uuid}`);
  const createdAt = event.metadata.created_at ?? event.metadata.created;
  if (createdAt) {
    keys.push(`c:${event.type}|${event.action ?? ''}|${event.attributes.uuid ?? ''}|${createdAt}`);
  }
  return keys;
}

function readAttributes(value: unknown): EventAttributes {
  if (!isRecord(value)) return {};
  const { uuid, short_id: shortId, ...rest } = value;
  const readUuid = text(uuid, 100);
  return {
    ...rest,
    ...(readUuid === undefined ? {} : { uuid: readUuid }),
    ...(typeof shortId === 'string' && SHORT_ID.test(shortId) ? { short_id: shortId } : {}),
  };
}

function readMetadata(value: unknown): EventMetadata {
  if (!isRecord(value)) return {};
  const createdAt = text(value.created_at, 64);
  const created = text(value.created, 64);
  const uuid = text(value.uuid, 100);
  return {
    ...(createdAt === undefined ? {} : { created_at: createdAt }),
    ...(created === undefined ? {} : { created }),
    ...(uuid === undefined ? {} : { uuid }),
  };
}

/**
 * Whether a type is within MAX_TYPE_LENGTH characters counted as zod counts them (a surrogate pair is
 * one; UTF-16 units only bound them): the one rule of the envelope check (envelope-problems.ts) and
 * of the reading below, so that a type the ingress accepted is never read back as ''.
 */
export function typeFitsLength(type: string): boolean {
  return type.length <= MAX_TYPE_LENGTH || [...type].length <= MAX_TYPE_LENGTH;
}

function typeOf(value: unknown): string {
  return typeof value === 'string' && value.length > 0 && typeFitsLength(value) ? value : '';
}

function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
