import { cacheMemberRoles } from '../../access/cache-member-roles.ts';
import { cacheUserGroups } from '../../access/cache-user-groups.ts';
import type { ActionRunner } from '../../actions/create-action-runner.ts';
import type { ActionSigner } from '../../actions/create-action-signer.ts';
import { createClickVerifier } from '../../actions/create-click-verifier.ts';
import { type Clock, systemClock } from '../../clock.ts';
import type { CommandServices } from '../../commands/command.ts';
import type { CommandRegistry } from '../../commands/create-command-registry.ts';
import type { CardSink } from '../../delivery/card-sink.ts';
import type { CardStore } from '../../delivery/card-store.ts';
import type { GcraLimit } from '../../delivery/create-gcra-limiter.ts';
import type { PlatformGate } from '../../delivery/create-platform-gate.ts';
import type { PlatformNames } from '../../delivery/platform-names.ts';
import type { Logger } from '../../log.ts';
import type { Route } from '../../server/create-server.ts';
import { createActionRoute } from './create-action-route.ts';
import { createClickerNotice } from './create-clicker-notice.ts';
import { createCommandRoute } from './create-command-route.ts';
import { createDialogRoute } from './create-dialog-route.ts';
import { createCardRenderer, createMattermostCardSink } from './create-mattermost-card-sink.ts';
import { createMattermostClient } from './create-mattermost-client.ts';
import { createMattermostGate } from './create-mattermost-gate.ts';
import { createMattermostGroupDirectory } from './create-mattermost-group-directory.ts';
import { createMattermostMemberDirectory } from './create-mattermost-member-directory.ts';
import { createResponseUrlResolver } from './create-response-url-resolver.ts';
import { createLinkDialog } from './link-dialog.ts';

export interface CreateMattermostPlatformOptions {
  url: string;
  botToken: string;
  commandTokens: readonly string[];
  publicUrl: string;
  signer: ActionSigner;
  actions: ActionRunner;
  cards: CardStore;
  names: PlatformNames;
  registry: CommandRegistry;
  services: CommandServices;
  log: Logger;
  clock?: Clock;
  /** How long a slash command may run before "Working on it…" (default 2.5 s; tests shorten it). */
  commandDeadlineMs?: number;
  /** Called on every answered Mattermost request (recovery that notices). */
  onSuccess?: () => void;
  /** The token's rate limit as the bot keeps it (perSec 0: no pacing); default Mattermost's own. */
  rateLimit?: GcraLimit;
}

export interface MattermostPlatform {
  sink: CardSink;
  routes: Route[];
  gate: PlatformGate;
}

/** Everything Mattermost: the card sink for delivery and the three inbound routes of spec §4. */
export function createMattermostPlatform(options: CreateMattermostPlatformOptions): MattermostPlatform {
  const log = options.log.child({ platform: 'mattermost' });
  const base = options.publicUrl.replace(/\/+$/, '');
  // Pacing is against the server's wall clock, whatever clock the rest of the bot is given.
  const gate = createMattermostGate({ clock: systemClock, limit: options.rateLimit });
  const client = createMattermostClient({
    url: options.url,
    token: options.botToken,
    gate,
    ...(options.onSuccess ? { onSuccess: options.onSuccess } : {}),
  });
  const renderer = { signer: options.signer, actionUrl: `${base}/mattermost/actions` };
  const responseUrls = createResponseUrlResolver({
    mattermostUrl: options.url,
    readSiteUrl: (signal) => client.getSiteUrl(signal),
    clock: options.clock ?? systemClock,
    log,
  });
  responseUrls.start();
  // A burst of clicks asks Mattermost once per user and channel (cached briefly, bounded).
  const members = cacheMemberRoles(createMattermostMemberDirectory(client), {
    clock: options.clock ?? systemClock,
  });
  const groups = cacheUserGroups(createMattermostGroupDirectory(client), {
    clock: options.clock ?? systemClock,
  });
  const identities = options.services.identities;
  const dialogUrl = `${base}/mattermost/dialogs`;
  const link = identities?.enabled
    ? createLinkDialog({ client, identities, responseUrls, dialogUrl, log })
    : undefined;
  const command = createCommandRoute({
    link,
    members,
    groups,
    tokens: options.commandTokens,
    registry: options.registry,
    services: options.services,
    client,
    responseUrls,
    log,
    ...(options.commandDeadlineMs === undefined ? {} : { deadlineMs: options.commandDeadlineMs }),
  });
  const tell = createClickerNotice({ client, log });
  const verifier = createClickVerifier({ signer: options.signer, cards: options.cards });
  const action = createActionRoute({
    verifier,
    actions: options.actions,
    cards: options.cards,
    names: options.names,
    render: createCardRenderer(renderer),
    client,
    tell,
    members,
    groups,
    undo: renderer,
    dialogUrl,
    log,
  });
  const dialog = createDialogRoute({
    verifier,
    actions: options.actions,
    client,
    tell,
    members,
    groups,
    link,
    log,
  });
  return {
    sink: createMattermostCardSink({ client, ...renderer }),
    gate,
    routes: [
      { method: 'post', path: '/mattermost/command', handler: command },
      { method: 'get', path: '/mattermost/command', handler: command },
      { method: 'post', path: '/mattermost/actions', handler: action },
      { method: 'post', path: '/mattermost/dialogs', handler: dialog },
    ],
  };
}
