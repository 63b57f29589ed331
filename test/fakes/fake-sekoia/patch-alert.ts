import { randomUUID } from 'node:crypto';
import {
  type ApiRequest,
  type ApiResponse,
  errorResponse,
  type FakeContext,
  isRecord,
  nowSeconds,
} from './fake-context.ts';

/**
 * The fields `PATCH /v1/sic/alerts/{uuid}` accepts (reference §4 and §6.3; automation library
 * `Sekoia.io/action_patch_an_alert.json`). The fake edits the urgency only and refuses the others
 * with 400, so a client that starts sending them has to teach the fake first.
 */
const EDITABLE = new Set([
  'title',
  'details',
  'urgency',
  'alert_type_category',
  'alert_type_value',
  'kill_chain_short_id',
  'custom_status_uuid',
  'verdict_uuid',
]);

/** `urgency` is an integer (`int32` in the action's schema) shown as `current_value`, 0–100 (reference §5.1). */
function isUrgency(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100;
}

/** `PATCH /v1/sic/alerts/{uuid}` (SIC_WRITE_ALERTS, checked by the route table): sets the urgency, with history. */
export function patchAlert(context: FakeContext, request: ApiRequest): ApiResponse {
  const alert = context.store.find(request.params.id ?? '');
  if (alert === undefined) return errorResponse(404, 'Alert not found');
  const body = request.body;
  if (!isRecord(body)) return errorResponse(400, 'Invalid input: expected an object.');
  const unknown = Object.keys(body).find((name) => !EDITABLE.has(name));
  if (unknown !== undefined) return errorResponse(400, `${unknown}: Unknown field.`);
  const edited = Object.keys(body).filter((name) => name !== 'urgency');
  if (edited.length > 0) return errorResponse(400, `${edited[0]}: not supported by the fake.`);
  if (!isUrgency(body.urgency)) return errorResponse(400, 'urgency: Not a valid integer between 0 and 100.');
  const previous = alert.urgency.current_value;
  const nowS = nowSeconds(context.clock);
  alert.urgency = { ...alert.urgency, current_value: body.urgency };
  alert.updated_at = nowS;
  alert.updated_by = request.caller.uuid;
  alert.updated_by_type = 'apikey';
  alert.history.push({
    uuid: randomUUID(),
    created_at: nowS,
    created_by: request.caller.uuid,
    created_by_type: 'apikey',
    entry_type: 'alert',
    alert: { urgency: body.urgency, previous_urgency: previous },
    history_comments: [],
  });
  context.webhooks.alertUpdated(alert, { urgency: body.urgency });
  return { status: 200, body: structuredClone(alert) };
}
