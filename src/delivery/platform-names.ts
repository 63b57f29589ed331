import type { PlatformId } from '../rules/platform-id.ts';

/** How one platform is named to people; each platform gives its own (src/platforms/<name>/). */
export interface PlatformLabel {
  id: PlatformId;
  /** In full, e.g. in "Acknowledged by ana from Microsoft Teams". */
  displayName: string;
  /** Where space is short, e.g. a Sekoia.io comment author ("Teams: Anastasia Konstantin…"). */
  shortName: string;
}

/** The names of every platform of this build, for texts that say where something was done. */
export interface PlatformNames {
  displayName(id: PlatformId): string;
  shortName(id: PlatformId): string;
}

/** From the platform list; an id no platform has (a removed platform's stored data) is shown as it is. */
export function createPlatformNames(labels: readonly PlatformLabel[]): PlatformNames {
  const byId = new Map(labels.map((label) => [label.id, label]));
  return {
    displayName: (id) => byId.get(id)?.displayName ?? id,
    shortName: (id) => byId.get(id)?.shortName ?? id,
  };
}
