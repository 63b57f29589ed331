import type { AlertStore } from './alert-store.ts';
import type { ApiKeyRing, FakeApiKeyInput, FakeKeyState, FakePermission } from './api-keys.ts';
import type { WebhookEmitter } from './emit-webhooks.ts';
import type { FakeAlert } from './fake-alert.ts';
import { type FakeContext, nowSeconds, type WorkflowGetRefusal } from './fake-context.ts';
import { type BuildAlertOverrides, buildAlert, toSekoiaIso } from './sample-payloads.ts';

export interface NotifyOption {
  /** Send the matching WebHook notification when a URL is set (default true). */
  notify?: boolean;
}

/** Test-side controls over the fake's data, beside the HTTP API. Alerts handed out are copies. */
export interface FakeSekoiaControls {
  addAlert(overrides?: BuildAlertOverrides, options?: NotifyOption): FakeAlert;
  getAlert(idOrShortId: string): FakeAlert | undefined;
  listAlerts(): FakeAlert[];
  /** Replaces top-level fields, bumps `updated_at`, notifies `updated` with what changed. */
  updateAlert(idOrShortId: string, patch: BuildAlertOverrides, options?: NotifyOption): FakeAlert;
  /** A new similar event: `similar` += count, `last_seen_at` = now (notifies `updated.similar`). */
  addOccurrence(idOrShortId: string, count?: number): FakeAlert;
  addApiKey(input: FakeApiKeyInput): void;
  setPermissions(key: string, permissions: readonly FakePermission[]): void;
  setKeyState(key: string, state: FakeKeyState): void;
  /** `GET …/workflow` answers this status until called with undefined; PATCH keeps working. */
  refuseWorkflowGet(status: WorkflowGetRefusal | undefined): void;
}

/** What an alert WebHook's `attributes.updated` says changed (reference §3.2). */
function changeHints(before: FakeAlert, after: FakeAlert): Record<string, unknown> {
  const hints: Record<string, unknown> = {};
  if (before.status.uuid !== after.status.uuid) {
    Object.assign(hints, { status: after.status.uuid, status_name: after.status.name });
  }
  if (before.similar !== after.similar) hints.similar = after.similar;
  if (before.urgency.current_value !== after.urgency.current_value) {
    hints.dynamic_urgency_value = after.urgency.current_value;
  }
  return hints;
}

export function createFakeSekoiaControls(
  context: FakeContext,
  keys: ApiKeyRing,
  webhooks: WebhookEmitter,
): FakeSekoiaControls {
  const store: AlertStore = context.store;
  const mustFind = (id: string): FakeAlert => {
    const alert = store.find(id);
    if (alert === undefined) throw new Error(`fake Sekoia.io has no alert ${id}`);
    return alert;
  };
  const mustKey = (key: string) => {
    const found = keys.get(key);
    if (found === undefined) throw new Error('fake Sekoia.io has no such API key');
    return found;
  };
  const update: FakeSekoiaControls['updateAlert'] = (id, patch, options = {}) => {
    const alert = mustFind(id);
    const before = structuredClone(alert);
    const merged = buildAlert({ ...alert, updated_at: nowSeconds(context.clock), ...patch });
    Object.assign(alert, merged);
    if (options.notify !== false) webhooks.alertUpdated(alert, changeHints(before, alert));
    return structuredClone(alert);
  };
  return {
    addAlert(overrides = {}, options = {}) {
      const alert = buildAlert(overrides, { nowMs: context.clock.now() });
      store.add(alert);
      if (options.notify !== false) webhooks.alertCreated(alert);
      return structuredClone(alert);
    },
    getAlert: (id) => {
      const alert = store.find(id);
      return alert === undefined ? undefined : structuredClone(alert);
    },
    listAlerts: () => store.list(new Map()).map((alert) => structuredClone(alert)),
    updateAlert: update,
    addOccurrence: (id, count = 1) =>
      update(id, { similar: mustFind(id).similar + count, last_seen_at: toSekoiaIso(context.clock.now()) }),
    addApiKey: (input) => {
      keys.add(input);
    },
    setPermissions: (key, permissions) => {
      mustKey(key).permissions = new Set(permissions);
    },
    setKeyState: (key, state) => {
      mustKey(key).state = state;
    },
    refuseWorkflowGet: (status) => {
      context.workflowGetRefusal = status;
    },
  };
}
