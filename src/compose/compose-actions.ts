import { type ActionRunner, createActionRunner } from '../actions/create-action-runner.ts';
import { type ActionSigner, createActionSigner } from '../actions/create-action-signer.ts';
import type { AppOptions } from '../app-options.ts';
import type { Clock } from '../clock.ts';
import { createCardRefresher } from '../delivery/create-card-refresher.ts';
import type { IdentityLinks } from '../identity/create-identity-links.ts';
import { PLATFORM_NAMES } from '../platforms/platform-list.ts';
import { composeIdentities } from './compose-identities.ts';
import type { SekoiaSide } from './compose-sekoia.ts';
import type { Stores } from './compose-stores.ts';
import type { Queueing } from './compose-worker.ts';

export interface CardButtons {
  /** Signs the payload each card button carries, and checks it on the click. */
  signer: ActionSigner;
  /** Runs a click: the action on Sekoia.io, then the answer and the card refresh. */
  actions: ActionRunner;
  /** Linked identities: the runner acts with a linked clicker's key; `link` and the forms keep them. */
  identities: IdentityLinks;
}

/** The card buttons, shared by every chat platform: the platforms only decode a click and answer it. */
export function composeActions(
  options: AppOptions,
  deps: Stores & SekoiaSide & { queueing: Queueing; clock: Clock },
): CardButtons {
  const { config, log } = options;
  const { secrets, rules, cards, states, sekoia, workflow, assets, clock, access } = deps;
  const { enqueueAndWake } = deps.queueing;
  const refreshCards = createCardRefresher({ cards, enqueue: enqueueAndWake });
  const signer = createActionSigner({ key: secrets.actionSigningKey, clock });
  const identities = composeIdentities({ config, store: deps.store, sekoia, clock, log });
  const actions = createActionRunner({
    services: {
      ...{ sekoia, workflow, states, rules, clock, platforms: PLATFORM_NAMES },
      ...{ appUrl: config.SEKOIA_APP_URL, log, assets },
    },
    access,
    identities,
    refreshCards,
    ...(options.actionDeadlineMs === undefined ? {} : { deadlineMs: options.actionDeadlineMs }),
    log,
  });
  return { signer, actions, identities };
}
