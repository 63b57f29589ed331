/** The listeners of each channel; calls them one by one, so one that throws spares the others. */
export function createListenerSets(onError: (error: unknown) => void) {
  const sets = new Map<string, Set<() => void>>();
  const call = (channel: string) => {
    for (const listener of sets.get(channel) ?? []) {
      try {
        listener();
      } catch (error) {
        onError(error);
      }
    }
  };
  return {
    channels: () => [...sets.keys()],
    call,
    callAll: () => {
      for (const channel of sets.keys()) call(channel);
    },
    /** Adds a listener; whether it is the channel's first (the caller then subscribes). */
    add(channel: string, listener: () => void): boolean {
      const set = sets.get(channel);
      if (set !== undefined) {
        set.add(listener);
        return false;
      }
      sets.set(channel, new Set([listener]));
      return true;
    },
    /** Removes a listener; whether it was the channel's last (the caller then unsubscribes). */
    remove(channel: string, listener: () => void): boolean {
      const set = sets.get(channel);
      if (set === undefined || !set.delete(listener) || set.size > 0) return false;
      sets.delete(channel);
      return true;
    },
    clear: () => sets.clear(),
  };
}
