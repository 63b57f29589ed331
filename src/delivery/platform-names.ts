import type { Platform } from '../rules/rule.ts';

/** How a platform is named to people, e.g. in "Acknowledged by ana from Microsoft Teams". */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  mattermost: 'Mattermost',
  teams: 'Microsoft Teams',
};
