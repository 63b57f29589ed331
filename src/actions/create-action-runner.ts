import type { AccessGuard } from '../access/create-access-guard.ts';
import { describeAccessRefusal } from '../access/describe-access-refusal.ts';
import type { CardRefresher } from '../delivery/create-card-refresher.ts';
import { isBotError } from '../errors.ts';
import type { IdentityLinks } from '../identity/create-identity-links.ts';
import type { Logger } from '../log.ts';
import type { ActionContext } from './action-context.ts';
import type { ActionOutcome } from './action-outcome.ts';
import { ACTION_TABLE, type CardActionKey } from './action-table.ts';
import type { ActionServices, CardAction } from './card-action.ts';
import { recordSekoiaChange } from './record-sekoia-change.ts';
import { settleWithin } from './settle-within.ts';
import { withLinkedKey } from './with-linked-key.ts';

/**
 * How long a click may wait for its action before it is answered with what is known. Well inside
 * Mattermost's integration timeout (`ServiceSettings.OutgoingIntegrationRequestsTimeout`, 30 s by
 * default) and Teams' invoke limit (5 s documented for invokes, 10–15 s before Bot Service gives up).
 */
export const ACTION_DEADLINE_MS = 2_000;

export const FAILED_ON_OUR_SIDE =
  'The action failed on our side; nothing was changed. Try again in a moment.';

/** The user's sealed key no longer opens (IDENTITY_ENCRYPTION_KEY changed): never the bot's key instead. */
export const RELINK_NEEDED =
  'Your linked Sekoia.io identity can no longer be read (the bot’s encryption key changed); nothing was changed. Link it again with the link command, or unlink.';

/** The answer to give the click now: the outcome, or a "…ing" message while the action goes on. */
export type ClickAnswer = { settled: true; outcome: ActionOutcome } | { settled: false; message: string };

export interface ActionRunner {
  /**
   * Runs the click's action (ACTION_TABLE[grant.action]) if the channel's access policy lets the
   * clicker act, refuses it otherwise; never throws for the action's own failure.
   */
  run(ctx: ActionContext): Promise<ClickAnswer>;
  /**
   * The refusal to give the clicker, or undefined when they may act: for a button that asks for
   * text before it runs (the dialog is not opened for someone who may not act). `run` checks again.
   */
  refusal(ctx: Pick<ActionContext, 'grant' | 'readRoles' | 'readGroups'>): Promise<string | undefined>;
}

export interface CreateActionRunnerOptions {
  services: ActionServices;
  /** Who may act in the card's channel: every click passes it first. */
  access: AccessGuard;
  /** Kind → handler; ACTION_TABLE unless a test stands in its own. */
  table?: Readonly<Record<CardActionKey, CardAction>>;
  /** Brings every card of the alert up to date (the clicked one included) after a status change. */
  refreshCards: CardRefresher;
  deadlineMs?: number;
  /** Linked identities: a linked clicker's changes go to Sekoia.io with their own key. */
  identities?: Pick<IdentityLinks, 'find'>;
  log: Logger;
}

/**
 * Both platforms' clicks in one place: the action runs, the click is answered within the deadline,
 * and an action that takes longer finishes in the background, updates the cards and tells the
 * clicker. An action Sekoia.io accepted is reported as done, whatever failed after it.
 */
export function createActionRunner(options: CreateActionRunnerOptions): ActionRunner {
  const { log, services } = options;
  const table = options.table ?? ACTION_TABLE;
  const deadlineMs = options.deadlineMs ?? ACTION_DEADLINE_MS;

  const nameOf = async (alertUuid: string): Promise<string> => {
    const state = await services.states.get(alertUuid).catch(() => undefined);
    return state?.notification.alert.shortId ?? alertUuid;
  };

  const attempt = async (ctx: ActionContext): Promise<{ outcome: ActionOutcome; changed: boolean }> => {
    const { grant } = ctx;
    // Each click gets its own Sekoia.io port, so that an accepted change is told from what follows it.
    let recorder = recordSekoiaChange(services.sekoia);
    try {
      const identity = (await options.identities?.find(ctx.user)) ?? { kind: 'none' };
      if (identity.kind === 'unreadable')
        return { outcome: { ok: false, message: RELINK_NEEDED }, changed: false };
      let acting = ctx;
      if (identity.kind === 'linked') {
        recorder = recordSekoiaChange(withLinkedKey(services.sekoia, identity.apiKey));
        acting = { ...ctx, user: { ...ctx.user, linkedAs: identity.name } };
      }
      const outcome = await table[grant.action].run(acting, { ...services, sekoia: recorder.sekoia });
      return { outcome, changed: recorder.changed() };
    } catch (error) {
      log.error({ err: error, action: grant.action, alertUuid: grant.alertUuid }, 'card action failed');
      return { outcome: { ok: false, message: FAILED_ON_OUR_SIDE }, changed: recorder.changed() };
    }
  };

  const perform = async (ctx: ActionContext): Promise<ActionOutcome> => {
    const { grant } = ctx;
    let { outcome, changed } = await attempt(ctx);
    if (!outcome.ok && changed) {
      log.warn(
        { alertUuid: grant.alertUuid, action: grant.action },
        'Sekoia.io accepted the change but what followed failed; reported as done',
      );
      outcome = { ok: true, message: table[grant.action].done(await nameOf(grant.alertUuid)) };
    }
    if (outcome.ok) await followSuccess(ctx, outcome);
    return outcome;
  };

  const followSuccess = async (ctx: ActionContext, outcome: ActionOutcome) => {
    const warn = (what: string) => (error: unknown) =>
      log.warn({ err: isBotError(error) ? error.code : error, alertUuid: ctx.grant.alertUuid }, what);
    const action = table[ctx.grant.action];
    if (action.changesStatus || action.refreshesCards === true)
      await options.refreshCards(ctx.grant.alertUuid).catch(warn('could not queue the card updates'));
    await action.follow?.(ctx, outcome).catch(warn('could not follow up a card action'));
  };

  const refusal = async (ctx: Pick<ActionContext, 'grant' | 'readRoles' | 'readGroups'>) => {
    const { grant } = ctx;
    const verdict = await options.access.check({
      channel: { platform: grant.platform, channel: grant.channel },
      need: 'act',
      readRoles: ctx.readRoles,
      readGroups: ctx.readGroups,
      log: log.child({ action: grant.action, alertUuid: grant.alertUuid }),
    });
    return verdict.allowed ? undefined : describeAccessRefusal(verdict, 'click');
  };

  return {
    refusal,
    async run(ctx) {
      // A refused click changes nothing: no Sekoia.io call, no card refresh, no announcement.
      const refused = await refusal(ctx);
      if (refused !== undefined) return { settled: true, outcome: { ok: false, message: refused } };
      const work = perform(ctx);
      const within = await settleWithin(work, deadlineMs);
      if (within.inTime) return { settled: true, outcome: within.value };
      const { grant } = ctx;
      log.info(
        { action: grant.action, alertUuid: grant.alertUuid, deadlineMs },
        'card action answered before it ended',
      );
      void work
        .then((outcome) => ctx.tellLater(outcome))
        .catch((error: unknown) =>
          log.warn(
            { err: isBotError(error) ? error.code : error },
            'could not tell the clicker how the action ended',
          ),
        );
      return {
        settled: false,
        message: table[grant.action].pending(await nameOf(grant.alertUuid), grant.ruleId),
      };
    },
  };
}
