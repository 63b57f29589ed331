import type { Config } from '../../config/load-config.ts';
import { platformDependency } from '../../queue/waiting-for-of.ts';
import type { ChatPlatform } from '../chat-platform.ts';
import { createMattermostPlatform } from './create-mattermost-platform.ts';
import { MATTERMOST_DOCTOR_CHECKS } from './mattermost-doctor-checks.ts';

const configured = (config: Readonly<Config>) =>
  Boolean(config.MATTERMOST_URL && config.MATTERMOST_BOT_TOKEN);

const OFF_REASON = 'MATTERMOST_URL and MATTERMOST_BOT_TOKEN are not set';

/** Mattermost, when MATTERMOST_URL and MATTERMOST_BOT_TOKEN are set. */
export const mattermostPlatform: ChatPlatform = {
  id: 'mattermost',
  displayName: 'Mattermost',
  shortName: 'Mattermost',
  enabled: configured,
  offReason: OFF_REASON,
  setup: {
    steps: (publicUrl) => [
      'Enable custom slash commands, bot accounts and personal access tokens (System Console).',
      'Create a bot account; set its token as MATTERMOST_BOT_TOKEN and the server as MATTERMOST_URL.',
      `Create a /sekoia slash command per team, request URL ${publicUrl}/mattermost/command; list its token in MATTERMOST_COMMAND_TOKENS.`,
      'Add the bot to the team and to each channel that subscribes, then restart the bot.',
    ],
    guide: 'manifests/mattermost/README.md',
  },
  doctorChecks: () => MATTERMOST_DOCTOR_CHECKS,
  announce(config, log) {
    log.info(
      configured(config)
        ? {
            platform: 'mattermost',
            state: 'on',
            url: config.MATTERMOST_URL,
            commandTokens: config.MATTERMOST_COMMAND_TOKENS.length,
          }
        : {
            platform: 'mattermost',
            state: 'off',
            reason: OFF_REASON,
          },
      'platform',
    );
    if (configured(config) && config.MATTERMOST_COMMAND_TOKENS.length === 0) {
      log.warn('MATTERMOST_COMMAND_TOKENS is empty: every /sekoia command will be refused (401)');
    }
  },
  create(deps) {
    const { config } = deps;
    return createMattermostPlatform({
      url: config.MATTERMOST_URL ?? '',
      botToken: config.MATTERMOST_BOT_TOKEN ?? '',
      commandTokens: config.MATTERMOST_COMMAND_TOKENS,
      publicUrl: config.PUBLIC_URL,
      signer: deps.signer,
      actions: deps.actions,
      cards: deps.cards,
      names: deps.names,
      registry: deps.registry,
      services: deps.services,
      log: deps.log,
      clock: deps.clock,
      rateLimit: { perSec: config.MATTERMOST_RATE_LIMIT, burst: config.MATTERMOST_RATE_BURST },
      onSuccess: () => deps.recovery?.succeeded(platformDependency('mattermost')),
      ...(deps.commandDeadlineMs === undefined ? {} : { commandDeadlineMs: deps.commandDeadlineMs }),
    });
  },
};
