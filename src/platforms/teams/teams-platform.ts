import { platformDependency } from '../../queue/waiting-for-of.ts';
import type { ChatPlatform } from '../chat-platform.ts';
import { createTeamsConversationStore } from './create-teams-conversation-store.ts';
import { createTeamsPlatform } from './create-teams-platform.ts';
import { teamsDoctorChecks } from './teams-doctor-checks.ts';

/** Microsoft Teams, always on: Bot Framework authentication with an app id, none without (local use). */
export const teamsPlatform: ChatPlatform = {
  id: 'teams',
  displayName: 'Microsoft Teams',
  shortName: 'Teams',
  enabled: () => true,
  setup: {
    steps: (publicUrl) => [
      `Register an Azure Bot whose messaging endpoint is ${publicUrl}/api/messages, with the Microsoft Teams channel.`,
      'Set MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId, then restart the bot.',
      'Build the app package: MicrosoftAppId=<id> npm run teams:package.',
      'Upload dist/sekoia-chatops-teams.zip in Teams and add the app to a team.',
    ],
    guide: 'manifests/teams/README.md',
  },
  doctorChecks: () => teamsDoctorChecks(),
  announce(config, log) {
    if (config.MicrosoftAppId) {
      log.info(
        { platform: 'teams', state: 'on', auth: 'Bot Framework', appType: config.MicrosoftAppType },
        'platform',
      );
    } else {
      log.warn(
        { platform: 'teams', state: 'on', auth: 'NONE' },
        'Teams endpoint /api/messages is UNAUTHENTICATED (no MicrosoftAppId): for local tests only, never expose it; service URLs are accepted from loopback only',
      );
    }
  },
  create(deps) {
    const { config, log } = deps;
    return createTeamsPlatform({
      credentials: {
        MicrosoftAppId: config.MicrosoftAppId,
        MicrosoftAppPassword: config.MicrosoftAppPassword,
        MicrosoftAppType: config.MicrosoftAppId ? config.MicrosoftAppType : undefined,
        MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      },
      conversations: createTeamsConversationStore({ records: deps.store.keyv('teams'), log }),
      signer: deps.signer,
      actions: deps.actions,
      cards: deps.cards,
      names: deps.names,
      states: deps.states,
      registry: deps.registry,
      services: deps.services,
      clock: deps.clock,
      log,
      onSuccess: () => deps.recovery?.succeeded(platformDependency('teams')),
    });
  },
};
