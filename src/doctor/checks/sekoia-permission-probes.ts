import type { Trigger } from '../../rules/triggers.ts';
import type { SekoiaRequest } from '../../sekoia/attempt-sekoia-request.ts';
import { sekoiaPath } from '../../sekoia/build-sekoia-url.ts';

/** No alert, asset or job has it: a write aimed at it cannot change anything. */
export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * When a missing permission fails the doctor: `required` always; `trigger` only while a stored rule
 * subscribes to that trigger (otherwise the line is skipped, naming what would not work);
 * `optional` never (the feature degrades, the line says how).
 */
export type PermissionNeed =
  | { kind: 'required' }
  | { kind: 'trigger'; trigger: Trigger }
  | { kind: 'optional' };

export interface PermissionProbe {
  id: string;
  title: string;
  /** As Sekoia.io's key page names it (reference sekoia-api.md §2). */
  permission: string;
  /** Other spellings Sekoia.io's pages use for it (reference §2): the key page may show one of them. */
  alsoCalled?: string;
  /** What the bot does with it. */
  usedFor: string;
  /** What an operator sees go wrong without it. */
  withoutIt: string;
  need: PermissionNeed;
  /**
   * A harmless request that Sekoia.io refuses with 403 without the permission and answers (2xx, or
   * 400/404/422 for the made-up target) with it: permissions are checked before the target.
   */
  request: SekoiaRequest;
}

const alertPath = (...rest: string[]) => sekoiaPath('v1', 'sic', 'alerts', ZERO_UUID, ...rest);

/** Every permission the bot uses, how the doctor tries it, and what it is for: the one table. */
export const PERMISSION_PROBES: readonly PermissionProbe[] = [
  {
    id: 'alerts-read',
    title: 'Read alerts',
    permission: 'SIC_READ_ALERTS',
    alsoCalled: 'SIC_READ_ALERT',
    usedFor: 'alert cards, the catch-up of lost WebHooks, every button',
    withoutIt: 'cards come from the WebHook alone, lost WebHooks are not caught up, buttons fail',
    need: { kind: 'required' },
    request: { method: 'GET', path: sekoiaPath('v1', 'sic', 'alerts'), query: { limit: 1 } },
  },
  {
    id: 'workflow-write',
    title: 'Change alert status',
    permission: 'SIC_WRITE_ALERTS_WORKFLOW',
    alsoCalled: 'WRITE_ALERTS_WORKFLOW',
    usedFor: 'the status buttons and commands',
    withoutIt: 'acknowledge, close and reject fail',
    need: { kind: 'required' },
    request: { method: 'PATCH', path: alertPath('workflow'), body: { action_uuid: ZERO_UUID } },
  },
  {
    id: 'comments-write',
    title: 'Comment on alerts',
    permission: 'SIC_WRITE_ALERTS_COMMENTS',
    alsoCalled: 'SIC_WRITE_ALERTS_COMMENT',
    usedFor: 'the Comment button, and the note Change urgency leaves',
    withoutIt: 'comments from the chat fail',
    need: { kind: 'required' },
    request: { method: 'POST', path: alertPath('comments'), body: { content: 'sekoia-chatops doctor' } },
  },
  {
    id: 'alerts-write',
    title: 'Edit alerts',
    permission: 'SIC_WRITE_ALERTS',
    usedFor: 'the Change urgency button',
    withoutIt: 'Change urgency tells the clicker it is not allowed, and changes nothing',
    need: { kind: 'optional' },
    request: { method: 'PATCH', path: alertPath(), body: { urgency: 0 } },
  },
  {
    id: 'assets-read',
    title: 'Read assets',
    permission: 'ASSETMANAGEMENT_VIEW_ASSET',
    usedFor: 'asset names and criticality on cards',
    withoutIt: 'cards show asset UUIDs',
    need: { kind: 'optional' },
    request: { method: 'GET', path: sekoiaPath('v2', 'asset-management', 'assets', ZERO_UUID) },
  },
  {
    id: 'catalog-read',
    title: 'Read the rules catalog',
    // The tutorial's name; the permissions page lists SIC_READ_RULES (reference §2).
    permission: 'SIC_READ_CONF',
    alsoCalled: 'SIC_READ_RULES',
    usedFor: 'the rule-added trigger',
    withoutIt: 'no card for new rules in the catalog',
    need: { kind: 'trigger', trigger: 'rule-added' },
    request: {
      method: 'GET',
      path: sekoiaPath('v1', 'sic', 'conf', 'rules-catalog', 'rules'),
      query: { limit: 1 },
    },
  },
  {
    id: 'intakes-read',
    title: 'Read intakes',
    permission: 'SIC_READ_INTAKES',
    usedFor: 'the intake-silent trigger',
    withoutIt: 'silent intakes are not reported',
    need: { kind: 'trigger', trigger: 'intake-silent' },
    request: { method: 'GET', path: sekoiaPath('v1', 'sic', 'conf', 'intakes'), query: { limit: 1 } },
  },
  {
    id: 'content-proposals-read',
    title: 'Read content proposals',
    permission: 'INTHREAT_READ_CONTENT_PROPOSALS',
    usedFor: 'the report trigger (a notification names a content proposal or a report: tried first)',
    withoutIt: 'no card for new reports',
    need: { kind: 'trigger', trigger: 'report' },
    request: { method: 'GET', path: sekoiaPath('v2', 'inthreat', 'content-proposals', ZERO_UUID) },
  },
  {
    id: 'reports-read',
    title: 'Read intelligence reports',
    permission: 'INTHREAT_READ_OBJECTS',
    usedFor: 'the report trigger (a report that is not a content proposal)',
    withoutIt: 'no card for published reports',
    need: { kind: 'trigger', trigger: 'report' },
    request: { method: 'GET', path: sekoiaPath('v2', 'inthreat', 'reports', ZERO_UUID) },
  },
  {
    id: 'events-search',
    title: 'Search events',
    // Search jobs are under the intakes permission (reference §2, §4).
    permission: 'SIC_READ_INTAKES',
    usedFor: "the intake-silent trigger (each intake's recent events)",
    withoutIt: 'silent intakes are not reported',
    need: { kind: 'trigger', trigger: 'intake-silent' },
    // Invalid on purpose (no term, no valid time): refused before any job is created.
    request: {
      method: 'POST',
      path: sekoiaPath('v1', 'sic', 'conf', 'events', 'search', 'jobs'),
      body: { term: '', earliest_time: 'invalid', latest_time: 'invalid' },
    },
  },
];
