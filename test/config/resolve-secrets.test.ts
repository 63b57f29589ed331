import { describe, expect, it } from 'vitest';
import { resolveSecrets } from '../../src/config/resolve-secrets.ts';

function memoryStore() {
  const map = new Map<string, string>();
  return {
    map,
    get: async (key: string) => map.get(key),
    set: async (key: string, value: string) => map.set(key, value),
    setIfAbsent: async (key: string, value: string) => {
      if (!map.has(key)) map.set(key, value);
      return map.get(key);
    },
  };
}

describe('resolveSecrets', () => {
  it('generates missing secrets once, stores them, and reuses them on the next start', async () => {
    const store = memoryStore();
    const first = await resolveSecrets({ config: {}, store });
    expect(first.generated).toEqual(['SEKOIA_WEBHOOK_SECRET', 'ACTION_SIGNING_KEY']);
    expect(first.webhookSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.actionSigningKey).not.toBe(first.webhookSecret);
    const second = await resolveSecrets({ config: {}, store });
    expect(second).toEqual({ ...first, generated: [] });
  });

  it('prefers what the operator configured and does not store it', async () => {
    const store = memoryStore();
    const secrets = await resolveSecrets({
      config: { SEKOIA_WEBHOOK_SECRET: 'a'.repeat(30), ACTION_SIGNING_KEY: 'b'.repeat(30) },
      store,
    });
    expect(secrets).toEqual({
      webhookSecret: 'a'.repeat(30),
      actionSigningKey: 'b'.repeat(30),
      generated: [],
    });
    expect(store.map.size).toBe(0);
  });

  it('replaces a stored value that is not a valid secret', async () => {
    const store = memoryStore();
    store.map.set('SEKOIA_WEBHOOK_SECRET', 'bad');
    const secrets = await resolveSecrets({ config: {}, store, generate: () => 'g'.repeat(43) });
    expect(secrets.webhookSecret).toBe('g'.repeat(43));
    expect(secrets.generated).toContain('SEKOIA_WEBHOOK_SECRET');
  });
});
