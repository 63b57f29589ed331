import type { ActionContext } from './action-context.ts';
import type { ActionOutcome } from './action-outcome.ts';
import { buildCommentAuthor } from './build-comment-author.ts';
import { type ActionServices, type CardAction, INTERACTIVE } from './card-action.ts';
import { describeSekoiaFailure, errorCode } from './describe-sekoia-failure.ts';
import { readUrgencyInput, type UrgencyInput } from './read-urgency-input.ts';
import { rereadAndRecord } from './reread-and-record.ts';

/**
 * Sets the alert's urgency in Sekoia.io (`PATCH /v1/sic/alerts/{uuid}`, SIC_WRITE_ALERTS) with the
 * user's reason as a comment naming them (the comment path's author rules), then re-reads the alert
 * so that every card shows the new urgency, and notes the change in the card's thread.
 */
export const urgencyAction: CardAction = {
  button: { id: 'urgency', label: 'Change urgency', style: 'default' },
  changesStatus: false,
  refreshesCards: true,
  needsText: true,
  pending: (alertName) =>
    `Changing the urgency of ${alertName}; the card will update when Sekoia.io answers.`,
  done: (alertName) => `${alertName}: urgency changed in Sekoia.io; the card will follow.`,
  async run(ctx, services) {
    const input = readUrgencyInput(ctx.fields);
    // Checked before any call: a wrong value changes nothing.
    if (!input.ok) return { ok: false, message: input.error.message };
    try {
      return await apply(ctx, services, input.value);
    } catch (error) {
      services.log.warn({ err: errorCode(error), alertUuid: ctx.grant.alertUuid }, 'urgency change failed');
      return { ok: false, message: `Could not change the urgency: ${describeSekoiaFailure(error)}` };
    }
  },
  async follow(ctx, outcome) {
    if (outcome.ok && outcome.note !== undefined) return ctx.noteInThread(outcome.note);
    // Accepted but not re-read (the runner reports it as done): the note says what was asked.
    const asked = readUrgencyInput(ctx.fields);
    if (!asked.ok) return;
    const { urgency: to, reason } = asked.value;
    const alert = ctx.grant.alertUuid;
    await ctx.noteInThread({ kind: 'urgency', by: ctx.user.name, alert, from: undefined, to, reason });
  },
};

async function apply(
  { grant, user }: ActionContext,
  services: ActionServices,
  { urgency, reason }: UrgencyInput,
): Promise<ActionOutcome> {
  const { sekoia, states, log, platforms } = services;
  const previous = await states.get(grant.alertUuid);
  const from = previous?.notification.alert.urgency;
  await sekoia.patchAlert(grant.alertUuid, { urgency }, INTERACTIVE);
  log.info({ alertUuid: grant.alertUuid, urgency }, 'alert urgency changed from a card');
  const { author, signature } = buildCommentAuthor(user, platforms);
  const was = from === undefined ? '' : ` from ${from}`;
  const said = `Urgency changed${was} to ${urgency} from ${platforms.displayName(user.platform)} by @${user.name}: ${reason}`;
  const content = signature === undefined ? said : `${said}\n\n— ${signature}`;
  await sekoia.postComment(grant.alertUuid, { content, author }, INTERACTIVE);
  const { notification, state } = await rereadAndRecord(services, {
    alertUuid: grant.alertUuid,
    user,
    verb: `Urgency set to ${urgency}`,
    previous: previous?.notification,
  });
  const alert = notification.alert.shortId ?? grant.alertUuid;
  const note = { kind: 'urgency' as const, by: user.name, alert, from, to: urgency, reason };
  return { ok: true, message: `${alert}: urgency set to ${urgency} in Sekoia.io.`, state, note };
}
