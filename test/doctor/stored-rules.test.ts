import { describe, expect, it } from 'vitest';
import { createDoctorStore } from '../../src/doctor/checks/open-doctor-store.ts';
import { createStoredRules } from '../../src/doctor/checks/stored-rules.ts';
import { createKeyvRuleStore } from '../../src/storage/create-keyv-rule-store.ts';
import { createStore } from '../../src/storage/create-store.ts';
import { CHANNEL, ruleFrom } from '../rules/rule-fixtures.ts';
import { quietLog, tempStoreUrl } from './doctor-test-context.ts';

describe('the stored rules, as the doctor reads them', () => {
  it("give each platform's channels once, and the triggers in use", async () => {
    const url = tempStoreUrl();
    const bot = await createStore({ url, log: quietLog });
    const rules = createKeyvRuleStore({ keyv: bot.keyv('rules'), log: quietLog });
    await rules.add(ruleFrom('alert-raised', 'a1a1'));
    await rules.add(ruleFrom('rule-added', 'b2b2'));
    await rules.add(ruleFrom('alert-raised', 'c3c3', { ...CHANNEL, channel: 'noc' }));
    await bot.close();

    const store = createDoctorStore({ config: { STORE_URL: url }, log: quietLog });
    const stored = createStoredRules(store, quietLog);
    expect(await stored.channels(CHANNEL.platform)).toEqual([CHANNEL, { ...CHANNEL, channel: 'noc' }]);
    expect(await stored.channels('elsewhere')).toEqual([]);
    expect(await stored.triggers()).toEqual(new Set(['alert-raised', 'rule-added']));
    await store.close();
  });

  it('reject when the store does not answer', async () => {
    const store = createDoctorStore({
      config: { STORE_URL: 'redis://127.0.0.1:9' },
      log: quietLog,
      pingTimeoutMs: 300,
    });
    await expect(createStoredRules(store, quietLog).triggers()).rejects.toThrow();
    await store.close();
  });
});
