import { createCommands } from '../commands/create-commands.ts';
import type { CardSink, CardSinks } from '../delivery/card-sink.ts';
import type { PlatformDeps } from '../platforms/chat-platform.ts';
import { CHAT_PLATFORMS, PLATFORM_NAMES } from '../platforms/platform-list.ts';
import type { Route } from '../server/create-server.ts';

/** The chat platforms of platform-list.ts that the config turns on, each built from the same deps. */
export function composePlatforms(deps: Omit<PlatformDeps, 'names' | 'registry'>): {
  sinks: CardSinks;
  routes: Route[];
} {
  const shared = { ...deps, names: PLATFORM_NAMES, registry: createCommands() };
  const sinks: Record<string, CardSink> = {};
  const routes: Route[] = [];
  for (const platform of CHAT_PLATFORMS.filter((each) => each.enabled(deps.config))) {
    const parts = platform.create(shared);
    sinks[platform.id] = parts.sink;
    routes.push(...parts.routes);
  }
  return { sinks, routes };
}
