import { setTimeout as sleep } from 'node:timers/promises';
import { Keyv } from 'keyv';
import { describe, expect, it } from 'vitest';
import { createIdLists } from '../../src/storage/create-id-lists.ts';
import { createKeyvRuleStore } from '../../src/storage/create-keyv-rule-store.ts';
import { ruleFrom } from '../rules/rule-fixtures.ts';
import { captureLog } from './capture-log.ts';

/** A backend where another replica keeps overwriting the list of all ids with its stale copy. */
class ClobberedMap extends Map<string, unknown> {
  override set(key: string, value: unknown): this {
    return key.endsWith(':ids') ? this : super.set(key, value);
  }
}

const FAST = { attempts: 3, jitterMs: 1, settleMs: 5 };

describe('createIdLists', () => {
  it('repairs live edits that a stale write of another replica undid', async () => {
    const keyv = new Keyv();
    const lists = createIdLists({ keyv, log: captureLog().log });
    await keyv.set('ids', ['x']);
    const editing = Promise.all([lists.add('ids', 'a'), lists.add('ids', 'c'), lists.remove('ids', ['x'])]);
    await sleep(5);
    // The other replica read the list before our writes and writes now.
    await keyv.set('ids', ['x', 'b']);
    await editing;
    expect((await lists.read('ids')).sort()).toEqual(['a', 'b', 'c']);
  });

  it('does not repair a stale write that lands after the settle time (the residual risk)', async () => {
    const keyv = new Keyv();
    const lists = createIdLists({ keyv, log: captureLog().log, settleMs: 5 });
    await lists.add('ids', 'a');
    await keyv.set('ids', ['b']);
    await sleep(20);
    expect(await lists.read('ids')).toEqual(['b']);
  });

  it('lets the newest edit of an id win in this instance', async () => {
    const lists = createIdLists({ keyv: new Keyv(), log: captureLog().log });
    await Promise.all([lists.add('ids', 'a'), lists.remove('ids', ['a']), lists.add('ids', 'b')]);
    expect(await lists.read('ids')).toEqual(['b']);
  });

  it('gives up with store_unavailable, and says so, when every write is undone', async () => {
    const captured = captureLog();
    const lists = createIdLists({
      keyv: new Keyv({ store: new ClobberedMap() }),
      log: captured.log,
      ...FAST,
    });
    await expect(lists.add('ids', 'a')).rejects.toMatchObject({ code: 'store_unavailable', retryable: true });
    const warnings = captured.records().filter((r) => r.msg === 'rule id list kept losing concurrent edits');
    expect(warnings).toMatchObject([{ key: 'ids', attempts: 3 }]);
  });
});

describe('createKeyvRuleStore when the id lists cannot be written', () => {
  it('fails the add and leaves no unlisted rule behind', async () => {
    const { log } = captureLog();
    const rules = createKeyvRuleStore({ keyv: new Keyv({ store: new ClobberedMap() }), log, lists: FAST });
    await expect(rules.add(ruleFrom('alert-raised', 'r7k2'))).rejects.toMatchObject({
      code: 'store_unavailable',
    });
    expect(await rules.exists('r7k2')).toBe(false);
  });
});
