import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from '../../../src/clock.ts';
import { type ActionResult, type ClickInput, clickButton } from './click-button.ts';
import type { FakeContext } from './fake-context.ts';
import { createFakeMattermostControls, type FakeMattermostControls } from './fake-mattermost-controls.ts';
import type { FakeCommand, FakeUser } from './fake-model.ts';
import { createFakeRateLimiter, type RateLimitSettings, type RequestStats } from './fake-rate-limiter.ts';
import { createFaultInjector, type FaultControls } from './fault-injector.ts';
import { handleHttpRequest, type RecordedRequest } from './handle-http-request.ts';
import { newId } from './new-id.ts';
import { createResponseUrls } from './response-urls.ts';
import { type SlashCommandInput, type SlashCommandResult, sendSlashCommand } from './send-slash-command.ts';
import { createSlashCommandControls, type SlashCommandControls } from './slash-command-controls.ts';
import { type DialogResult, type DialogSubmitInput, submitDialog } from './submit-dialog.ts';
import { createTriggerIds } from './trigger-ids.ts';

export const FAKE_MATTERMOST_BOT_TOKEN = 'fakebottoken01234567890123';
export const FAKE_MATTERMOST_COMMAND_TOKEN = 'fakecommandtoken0123456789';
export const FAKE_MATTERMOST_TEAM_ID = 'team1';

export interface StartFakeMattermostOptions {
  /** Drives create_at, trigger age and response_url expiry. */
  clock?: Clock;
  botToken?: string;
  /** Default `sekoia`. */
  botUsername?: string;
  /** Default `system_user`; add `system_admin` to allow `POST /posts/ephemeral`. */
  botRoles?: string;
  /** false: the token is a person's personal access token, not a bot account's (`is_bot` false). */
  botIsBot?: boolean;
  /** team id → the slash command's token there. Default `{ team1: FAKE_MATTERMOST_COMMAND_TOKEN }`. */
  commandTokens?: Record<string, string>;
  /** team id → team name (`team_domain`); default the id. */
  teamNames?: Record<string, string>;
  /** The Request URL stored on each team's `/sekoia` command; default `http://sekoia-chatops.invalid/mattermost/command`. */
  commandUrl?: string;
  /** Dialog trigger lifetime; default 30 s. */
  triggerTimeoutMs?: number;
  /** Time the fake waits for the bot on commands, clicks and submissions; default 30 s. */
  outgoingTimeoutMs?: number;
  /**
   * `ServiceSettings.SiteURL`, from which `response_url` is built; `''` leaves it unset. Default
   * `http://localhost:<port>`: the same server under another origin than `url` (`127.0.0.1`), as
   * when the bot reaches Mattermost on an internal address.
   */
  siteUrl?: string;
  port?: number;
}

export interface FakeMattermost extends FakeMattermostControls, SlashCommandControls, FaultControls {
  /** The address the fake listens on: the bot calls `url + '/api/v4/…'` (`MATTERMOST_URL`). */
  readonly url: string;
  /** The Site URL as configured now (see `setSiteUrl`). */
  readonly siteUrl: string;
  /** An administrator changes the Site URL (`''` unsets it). */
  setSiteUrl(siteUrl: string): void;
  readonly botUserId: string;
  readonly botToken: string;
  /** Every HTTP request received (API and response_url), in order. */
  readonly requests: RecordedRequest[];
  clearRequests(): void;
  sendSlashCommand(input: SlashCommandInput): Promise<SlashCommandResult>;
  clickButton(input: ClickInput): Promise<ActionResult>;
  submitDialog(input: DialogSubmitInput): Promise<DialogResult>;
  /**
   * Turns Mattermost's rate limiter on (off by default, like the server's `RateLimitSettings.Enable`):
   * GCRA over every `/api/v4` request, defaults PerSec 10 and MaxBurst 100 (reference §6.7).
   */
  enableRateLimit(settings?: RateLimitSettings): void;
  disableRateLimit(): void;
  /** `/api/v4` requests received, served and refused with 429 since the start (or the last reset). */
  requestStats(): RequestStats;
  resetRequestStats(): void;
  close(): Promise<void>;
}

/** Each team's `/sekoia`, made by an administrator (not the bot), as manifests/mattermost/README.md step 4 says. */
function sekoiaCommands(tokens: Record<string, string>, url: string | undefined, now: number): FakeCommand[] {
  const creatorId = newId();
  return Object.entries(tokens).map(([teamId, token]) => ({
    id: newId(),
    teamId,
    trigger: 'sekoia',
    token,
    url: url ?? 'http://sekoia-chatops.invalid/mattermost/command',
    method: 'P',
    creatorId,
    autoComplete: true,
    createAt: now,
  }));
}

function createContext(options: StartFakeMattermostOptions): FakeContext {
  const clock = options.clock ?? systemClock;
  const bot: FakeUser = {
    id: newId(),
    username: options.botUsername ?? 'sekoia',
    roles: options.botRoles ?? 'system_user',
    isBot: options.botIsBot ?? true,
  };
  const tokens = options.commandTokens ?? { [FAKE_MATTERMOST_TEAM_ID]: FAKE_MATTERMOST_COMMAND_TOKEN };
  const teams = Object.keys(tokens).map((id) => {
    return { id, name: options.teamNames?.[id] ?? id, admins: [], botMember: true };
  });
  const commands = sekoiaCommands(tokens, options.commandUrl, clock.now());
  return {
    clock,
    url: '',
    siteUrl: '',
    botUserId: bot.id,
    botToken: options.botToken ?? FAKE_MATTERMOST_BOT_TOKEN,
    triggerTimeoutMs: options.triggerTimeoutMs ?? 30_000,
    outgoingTimeoutMs: options.outgoingTimeoutMs ?? 30_000,
    blockInternalTargets: false,
    users: new Map([[bot.id, bot]]),
    teams: new Map(teams.map((team) => [team.id, team])),
    channels: new Map(),
    commands: new Map(commands.map((command) => [command.id, command])),
    enableCommands: true,
    botTeamPermissions: new Set(),
    groups: new Map(),
    // Licensed (Professional or Enterprise) by default, so that groups work; setLicensed(false) for Team Edition.
    licensed: true,
    posts: new Map(),
    ephemerals: [],
    dialogs: [],
    triggers: createTriggerIds(clock),
    responseUrls: createResponseUrls(clock),
  };
}

/** A Mattermost server stand-in over real HTTP on loopback, per reference §10. */
export async function startFakeMattermost(options: StartFakeMattermostOptions = {}): Promise<FakeMattermost> {
  const context = createContext(options);
  const faults = createFaultInjector();
  const requests: RecordedRequest[] = [];
  const limiter = createFakeRateLimiter(context.clock);
  const server = createServer((request, response) => {
    handleHttpRequest({ context, faults, requests, limiter }, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ message: error instanceof Error ? error.message : 'fake failure' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  context.url = `http://127.0.0.1:${port}`;
  context.siteUrl = options.siteUrl ?? `http://localhost:${port}`;
  const { isDown: _isDown, take: _take, ...faultControls } = faults;
  return {
    ...createFakeMattermostControls(context),
    ...createSlashCommandControls(context),
    ...faultControls,
    url: context.url,
    get siteUrl() {
      return context.siteUrl;
    },
    setSiteUrl: (siteUrl) => {
      context.siteUrl = siteUrl;
    },
    botUserId: context.botUserId,
    botToken: context.botToken,
    requests,
    clearRequests: () => {
      requests.splice(0);
    },
    sendSlashCommand: (input) => sendSlashCommand(context, input),
    clickButton: (input) => clickButton(context, input),
    submitDialog: (input) => submitDialog(context, input),
    enableRateLimit: (settings) => limiter.enable(settings),
    disableRateLimit: () => limiter.disable(),
    requestStats: () => ({ ...limiter.stats }),
    resetRequestStats: () => {
      Object.assign(limiter.stats, { requests: 0, served: 0, rateLimited: 0 });
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
