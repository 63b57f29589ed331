import { createPlatformNames } from '../delivery/platform-names.ts';
import type { ChatPlatform } from './chat-platform.ts';
import { mattermostPlatform } from './mattermost/mattermost-platform.ts';
import { teamsPlatform } from './teams/teams-platform.ts';

/**
 * The chat platforms of this build, in the order their routes are served and their state is
 * announced: the one place outside a platform's own folder that names it.
 */
export const CHAT_PLATFORMS: readonly ChatPlatform[] = [mattermostPlatform, teamsPlatform];

/** Every platform's names, for the texts that say where something was done. */
export const PLATFORM_NAMES = createPlatformNames(CHAT_PLATFORMS);
