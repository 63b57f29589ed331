import { randomUUID } from 'node:crypto';
import { toSekoiaEventTime } from './build-alert-webhook.ts';

/**
 * v2 WebHook notifications for the non-alert triggers. Only the envelope (§3.2) and the `content-proposal`
 * type are documented; attributes and the other types are assumptions (reference §10, §13), kept here.
 */
export interface TriggerEvent {
  type: string;
  action: string;
  attributes: Record<string, unknown>;
}

export interface TriggerWebhookPayload extends TriggerEvent {
  metadata: {
    version: 2;
    created_at: string;
    community_uuid: string;
    avatar_uuid: null;
    user_uuid: null;
    permissions: [];
    uuid?: string;
  };
}

export interface WebhookMetadataInput {
  communityUuid: string;
  /** Epoch ms or an ISO string. */
  createdAt: number | string;
  /** `metadata.uuid`, as on the LiveAPI stream. */
  uuid?: string;
}

export function buildTriggerWebhook(event: TriggerEvent, input: WebhookMetadataInput): TriggerWebhookPayload {
  return {
    type: event.type,
    action: event.action,
    attributes: structuredClone(event.attributes),
    metadata: {
      version: 2,
      created_at: typeof input.createdAt === 'string' ? input.createdAt : toSekoiaEventTime(input.createdAt),
      community_uuid: input.communityUuid,
      avatar_uuid: null,
      user_uuid: null,
      permissions: [],
      ...(input.uuid === undefined ? {} : { uuid: input.uuid }),
    },
  };
}

/** Documented type (§3.2); attributes assumed to be the pointer `{uuid}` like alerts (§10.2). */
export function contentProposalEvent(uuid: string): TriggerEvent {
  return { type: 'content-proposal', action: 'created', attributes: { uuid } };
}

/** Undocumented (§10.1, §13): assumed `rule` / `created` with the rule UUID to re-read. */
export function catalogRuleEvent(uuid: string): TriggerEvent {
  return { type: 'rule', action: 'created', attributes: { uuid } };
}

export interface IntakeInactivityInput {
  intakeUuid: string;
  type?: string;
  action?: string;
  /** Replace the attributes entirely (the payload's shape is unknown: the bot must read several). */
  attributes?: Record<string, unknown>;
}

/**
 * Undocumented (§3.2, §9, §13: "No events are received", one intake, 15 min – 24 h): assumed `intake` /
 * `no-events` with the intake's UUID as the pointer, like the other notifications. Nothing public names
 * the type or the attributes, so tests vary them.
 */
export function intakeInactivityEvent(input: IntakeInactivityInput): TriggerEvent {
  return {
    type: input.type ?? 'intake',
    action: input.action ?? 'no-events',
    attributes: input.attributes ?? { uuid: input.intakeUuid },
  };
}

export interface PlaybookErrorInput {
  playbookUuid?: string;
  playbookName?: string;
  error?: string;
  crashed?: boolean;
}

/**
 * Undocumented (§10.3, §13): assumed `playbook` / `error`, carrying what the card shows since no public
 * route gives a playbook run's error. A bot must tolerate any of these attributes being absent.
 */
export function playbookErrorEvent(input: PlaybookErrorInput = {}): TriggerEvent {
  return {
    type: 'playbook',
    action: 'error',
    attributes: {
      uuid: input.playbookUuid ?? randomUUID(),
      name: input.playbookName ?? 'Enrich alerts with CTI',
      error: input.error ?? 'Module "HTTP Request" failed: 502 Bad Gateway',
      crashed: input.crashed ?? false,
    },
  };
}
