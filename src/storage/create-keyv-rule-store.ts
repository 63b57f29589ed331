import { randomUUID } from 'node:crypto';
import type { Keyv } from 'keyv';
import { createKeyedMutex } from '../create-keyed-mutex.ts';
import type { Logger } from '../log.ts';
import type { ChannelRef, Mute, Rule } from '../rules/rule.ts';
import type { RuleStore } from '../rules/rule-store.ts';
import { type CreateIdListsOptions, createIdLists } from './create-id-lists.ts';
import { ruleChannelSchema, ruleSchema } from './rule-schema.ts';
import { SqliteKeyvStore } from './sqlite-keyv-store.ts';

export interface CreateKeyvRuleStoreOptions {
  /** A namespace of its own, e.g. store.keyv('rules'). */
  keyv: Keyv;
  log: Logger;
  /** Tuning of the id list edits; tests shorten them. */
  lists?: Pick<CreateIdListsOptions, 'attempts' | 'jitterMs' | 'settleMs'>;
}

const ALL_IDS = 'ids';
const VERSION = 'version';
const ruleKey = (id: string) => `rule:${id.toLowerCase()}`;
const channelKey = (c: ChannelRef) =>
  `channel:${[c.platform, c.team, c.channel].map(encodeURIComponent).join('/')}`;
const isMissing = (value: unknown) => value === undefined || value === null;

/**
 * A network store may be shared by replicas, whose stale list writes an edit must outlive; the
 * embedded SQLite file and memory belong to this process, where the in-process lock suffices.
 */
const listTuningFor = (keyv: Keyv) =>
  keyv.store instanceof SqliteKeyvStore || keyv.store instanceof Map ? { jitterMs: 0, settleMs: 0 } : {};

/**
 * Rules on keyv: one key per rule, an id list per channel and one of all ids (keyv has no portable
 * prefix scan across SQLite, Redis and PostgreSQL), and a version token. keyv has no transactions
 * nor compare-and-set: the rule is written first, then the lists (createIdLists: serialized in this
 * instance; against other replicas, each edit re-checks and re-applies itself for a settle time).
 * Readers skip ids whose rule is missing or corrupt, and drop from a list the ids whose rule is
 * still missing on a second read.
 *
 * Residual risk, on Redis and PostgreSQL shared by replicas: a replica whose read-to-write gap on
 * a list outlasts the settle time (60 ms: a stalled event loop, network or database) can still undo
 * an edit that has settled. A removal undone that way heals on the next read of that list; an add
 * undone that way leaves the rule stored but unlisted: not listed, not matched, its id taken, until
 * delete(id) removes it. A crash between the rule write and the list writes has the same effect.
 * The embedded SQLite file is not meant to be shared: there edits check themselves only once.
 */
export function createKeyvRuleStore(options: CreateKeyvRuleStoreOptions): RuleStore {
  const { keyv, log } = options;
  const lists = createIdLists({ ...listTuningFor(keyv), ...options.lists, keyv, log });

  const decode = (id: string, value: unknown): Rule | undefined => {
    if (isMissing(value)) return undefined;
    const parsed = ruleSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    const paths = parsed.error.issues.slice(0, 5).map((issue) => issue.path.join('.'));
    log.warn({ ruleId: id, paths }, 'corrupt rule in storage ignored');
    return undefined;
  };

  const get = async (ruleId: string) => decode(ruleId, await keyv.get<unknown>(ruleKey(ruleId)));

  /** Drops ids whose rule is gone (a delete undone by a concurrent list edit); never fails a read. */
  const prune = async (key: string, candidates: string[]) => {
    try {
      const again = await keyv.getMany<unknown>(candidates.map(ruleKey));
      const gone = candidates.filter((_, i) => isMissing(again[i]));
      if (gone.length === 0) return;
      log.info({ key, count: gone.length }, 'ids of missing rules dropped from list');
      await lists.remove(key, gone);
    } catch (error) {
      log.warn({ key, err: error }, 'rule id list repair failed');
    }
  };

  const readList = async (key: string): Promise<Rule[]> => {
    const ids = await lists.read(key);
    if (ids.length === 0) return [];
    const values = await keyv.getMany<unknown>(ids.map(ruleKey));
    const missing = ids.filter((_, i) => isMissing(values[i]));
    if (missing.length > 0) await prune(key, missing);
    const rules = ids.map((id, i) => decode(id, values[i])).filter((rule) => rule !== undefined);
    return rules.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  };

  const bump = async () => {
    await keyv.set(VERSION, randomUUID());
  };

  // Changes and deletes of one rule run one at a time in this process, so that a counter update
  // racing an unsubscribe cannot write the deleted rule back (across replicas the race remains).
  const perRule = createKeyedMutex();
  const change = (ruleId: string, edit: (rule: Rule) => Rule, affectsMatching: boolean) =>
    perRule.run(ruleId.toLowerCase(), async () => {
      const rule = await get(ruleId);
      if (rule === undefined) return undefined;
      const changed = edit(rule);
      await keyv.set(ruleKey(rule.id), changed);
      if (affectsMatching) await bump();
      return changed;
    });

  /** The channel of a stored value, even one that fails ruleSchema when its channel still parses. */
  const channelOf = (id: string, raw: unknown): ChannelRef | undefined => {
    const parsed = ruleSchema.safeParse(raw);
    if (parsed.success) return parsed.data.channel;
    const channel = ruleChannelSchema.safeParse(raw);
    log.warn({ ruleId: id, channelKnown: channel.success }, 'corrupt rule deleted');
    return channel.success ? channel.data.channel : undefined;
  };

  return {
    async add(rule) {
      const id = rule.id.toLowerCase();
      await keyv.set(ruleKey(id), { ...rule, id });
      try {
        await Promise.all([lists.add(channelKey(rule.channel), id), lists.add(ALL_IDS, id)]);
      } catch (error) {
        // A reported failure leaves no unlisted rule behind; readers prune ids already listed.
        await keyv
          .delete(ruleKey(id))
          .catch((cause: unknown) => log.warn({ ruleId: id, err: cause }, 'rule not rolled back'));
        throw error;
      }
      await bump();
    },
    get,
    exists: async (ruleId) => !isMissing(await keyv.get<unknown>(ruleKey(ruleId))),
    listByChannel: (channel) => readList(channelKey(channel)),
    listAll: () => readList(ALL_IDS),
    async scanAll(visit, batchSize = 500) {
      const ids = await lists.read(ALL_IDS);
      for (let start = 0; start < ids.length; start += batchSize) {
        const batch = ids.slice(start, start + batchSize);
        const values = await keyv.getMany<unknown>(batch.map(ruleKey));
        visit(batch.map((id, i) => decode(id, values[i])).filter((rule) => rule !== undefined));
      }
    },
    count: async () => (await readList(ALL_IDS)).length,
    delete: (ruleId) =>
      perRule.run(ruleId.toLowerCase(), async () => {
        const id = ruleId.toLowerCase();
        const raw = await keyv.get<unknown>(ruleKey(id));
        if (isMissing(raw)) return false;
        const channel = channelOf(id, raw);
        const removed = await keyv.delete(ruleKey(id));
        await Promise.all([
          channel === undefined ? undefined : lists.remove(channelKey(channel), [id]),
          lists.remove(ALL_IDS, [id]),
        ]);
        await bump();
        return removed;
      }),
    setMute: (ruleId, mute: Mute) => change(ruleId, (rule) => ({ ...rule, mute }), true),
    clearMute: (ruleId) => change(ruleId, (rule) => ({ ...rule, mute: null }), true),
    // Versioned like a mute: replicas reload their copy, which the dispatcher puts on new card jobs.
    setRemind: (ruleId, plan) =>
      change(ruleId, ({ remind: _old, ...rule }) => (plan === null ? rule : { ...rule, remind: plan }), true),
    editConditions: (ruleId, edit) =>
      change(ruleId, (rule) => ({ ...rule, conditions: edit(rule.conditions) }), true),
    recordMatch: (ruleId, at) =>
      change(ruleId, (rule) => ({ ...rule, matchCount: rule.matchCount + 1, lastMatchAt: at }), false),
    version: async () => String((await keyv.get<unknown>(VERSION)) ?? ''),
  };
}
