import { createCommands } from '../commands/create-commands.ts';
import type { CardSink, CardSinks } from '../delivery/card-sink.ts';
import { gateCardSink } from '../delivery/gate-card-sink.ts';
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
    // Card calls carry their lane and channel to the gate that paces the platform's requests.
    sinks[platform.id] = parts.gate ? gateCardSink(parts.sink, parts.gate) : parts.sink;
    routes.push(...parts.routes);
  }
  return { sinks, routes };
}
