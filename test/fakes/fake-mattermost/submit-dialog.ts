import { callIntegration } from './call-integration.ts';
import type { FakeContext } from './fake-context.ts';
import { isRecord, type OpenedDialog } from './fake-model.ts';

export interface DialogSubmitInput {
  /** Position in `dialogs()` (negative counts from the end) or the dialog's id. */
  dialogIndexOrId: number | string;
  userId: string;
  submission: Record<string, unknown>;
  cancelled?: boolean;
}

/**
 * What the submitting user gets. As for clicks, only a 200 is read (`SubmitInteractiveDialog` goes
 * through `DoActionRequest`): any other status or a timeout is a 400 for the client, the dialog stays
 * open with the client's generic error, and nothing the bot sent is shown.
 */
export interface DialogResult {
  /** What the server answers the client: 200, or 400 when the bot's call failed; 0 when nothing was sent. */
  status: number;
  /** The bot's HTTP status, when the call reached it. */
  botStatus?: number;
  response?: Record<string, unknown>;
  /** Per-field errors shown under the elements (only from a 200). */
  errors?: Record<string, string>;
  /** The bot's general error shown in the dialog (only from a 200). */
  error?: string;
  /** Why the submission failed (server log side); the user sees only a generic error. */
  failure?: string;
  /** The bot did not answer within `OutgoingIntegrationRequestsTimeout`. */
  timedOut?: true;
  /** Whether the dialog closes. */
  closed: boolean;
}

function findDialog(context: FakeContext, key: number | string): OpenedDialog {
  const dialog =
    typeof key === 'number' ? context.dialogs.at(key) : context.dialogs.find((d) => d.id === key);
  if (dialog === undefined) throw new Error(`fake Mattermost opened no dialog ${key}`);
  return dialog;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** What the client shows after the bot's reply (reference §5.3). */
function readReply(raw: string): Pick<DialogResult, 'response' | 'errors' | 'error' | 'closed'> {
  let parsed: unknown;
  try {
    parsed = raw === '' ? {} : JSON.parse(raw);
  } catch {
    // The server ignores a reply it cannot decode: an empty response, so the dialog closes.
    parsed = {};
  }
  const response = isRecord(parsed) ? parsed : {};
  const errors = isRecord(response.errors)
    ? Object.fromEntries(Object.entries(response.errors).map(([name, message]) => [name, String(message)]))
    : {};
  const error = text(response.error);
  const hasErrors = Object.keys(errors).length > 0;
  const closed = !hasErrors && error === '' && response.type !== 'form';
  return { response, closed, ...(hasErrors ? { errors } : {}), ...(error === '' ? {} : { error }) };
}

/**
 * The client will not send more than a field's `max_length`: 150 for a text element and 3000 for a
 * textarea when it sets none (reference §5.2). A test that submits more asks for what no user can do.
 */
function refuseOverLong(opened: OpenedDialog, submission: Record<string, unknown>): void {
  const elements = Array.isArray(opened.dialog.elements) ? opened.dialog.elements : [];
  for (const element of elements) {
    if (!isRecord(element) || (element.type !== 'text' && element.type !== 'textarea')) continue;
    const max =
      typeof element.max_length === 'number' ? element.max_length : element.type === 'text' ? 150 : 3000;
    const value = submission[text(element.name)];
    if (typeof value === 'string' && value.length > max) {
      throw new Error(`the client refuses more than ${max} characters in ${text(element.name)}`);
    }
  }
}

/** The user submits (or cancels) an opened dialog: the server POSTs the submission to its `url`. */
export async function submitDialog(context: FakeContext, input: DialogSubmitInput): Promise<DialogResult> {
  const opened = findDialog(context, input.dialogIndexOrId);
  if (opened.userId !== input.userId) throw new Error(`dialog ${opened.id} was opened for another user`);
  const cancelled = input.cancelled === true;
  if (!cancelled) refuseOverLong(opened, input.submission);
  // Without notify_on_cancel the client just closes the dialog and tells nobody.
  if (cancelled && opened.dialog.notify_on_cancel !== true) return { status: 0, closed: true };
  const body = {
    type: 'dialog_submission',
    callback_id: text(opened.dialog.callback_id),
    state: text(opened.dialog.state),
    user_id: opened.userId,
    channel_id: opened.channelId,
    team_id: opened.teamId,
    submission: cancelled ? {} : input.submission,
    cancelled,
  };
  const reply = await callIntegration({
    method: 'POST',
    url: opened.url,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
    timeoutMs: context.outgoingTimeoutMs,
    blockInternal: context.blockInternalTargets,
  });
  if (!reply.ok) {
    return {
      status: 400,
      failure: reply.error,
      closed: false,
      ...(reply.timedOut ? { timedOut: true } : {}),
    };
  }
  if (reply.status !== 200) {
    return { status: 400, botStatus: reply.status, failure: `status=${reply.status}`, closed: false };
  }
  return { status: 200, botStatus: 200, ...readReply(reply.raw) };
}
