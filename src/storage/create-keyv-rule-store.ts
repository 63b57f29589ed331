import { randomUUID } from 'node:crypto';
import type { Keyv } from 'keyv';
import type { Logger } from '../log.ts';
import type { ChannelRef, Mute, Rule } from '../rules/rule.ts';
import type { RuleStore } from '../rules/rule-store.ts';
import { idListSchema, ruleSchema } from './rule-schema.ts';

export interface CreateKeyvRuleStoreOptions {
  /** A namespace of its own, e.g. store.keyv('rules'). */
  keyv: Keyv;
  log: Logger;
}

const ALL_IDS = 'ids';
const VERSION = 'version';
const ruleKey = (id: string) => `rule:${id.toLowerCase()}`;
const channelKey = (c: ChannelRef) =>
  `channel:${[c.platform, c.team, c.channel].map(encodeURIComponent).join('/')}`;

/**
 * Rules on keyv: one key per rule, an id list per channel and one of all ids (keyv has no portable
 * prefix scan across SQLite, Redis and PostgreSQL), and a version token. keyv has no transactions:
 * the lists are rewritten after the rule, and readers skip ids whose rule is gone or corrupt.
 */
export function createKeyvRuleStore(options: CreateKeyvRuleStoreOptions): RuleStore {
  const { keyv, log } = options;

  const readIds = async (key: string): Promise<string[]> => {
    const parsed = idListSchema.safeParse((await keyv.get<unknown>(key)) ?? []);
    if (parsed.success) return parsed.data;
    log.warn({ key, issues: parsed.error.issues.length }, 'corrupt rule id list ignored');
    return [];
  };

  const decode = (id: string, value: unknown): Rule | undefined => {
    if (value === undefined || value === null) return undefined;
    const parsed = ruleSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    const paths = parsed.error.issues.slice(0, 5).map((issue) => issue.path.join('.'));
    log.warn({ ruleId: id, paths }, 'corrupt rule in storage ignored');
    return undefined;
  };

  const get = async (ruleId: string) => decode(ruleId, await keyv.get<unknown>(ruleKey(ruleId)));

  const readMany = async (ids: string[]): Promise<Rule[]> => {
    if (ids.length === 0) return [];
    const values = await keyv.getMany<unknown>(ids.map(ruleKey));
    const rules = ids.map((id, i) => decode(id, values[i])).filter((rule) => rule !== undefined);
    return rules.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  };

  const editIds = async (key: string, edit: (ids: string[]) => string[]) => {
    await keyv.set(key, edit(await readIds(key)));
  };

  const bump = async () => {
    await keyv.set(VERSION, randomUUID());
  };

  const change = async (ruleId: string, edit: (rule: Rule) => Rule, affectsMatching: boolean) => {
    const rule = await get(ruleId);
    if (rule === undefined) return undefined;
    const changed = edit(rule);
    await keyv.set(ruleKey(rule.id), changed);
    if (affectsMatching) await bump();
    return changed;
  };

  return {
    async add(rule) {
      const id = rule.id.toLowerCase();
      await keyv.set(ruleKey(id), { ...rule, id });
      await editIds(channelKey(rule.channel), (ids) => [...ids.filter((x) => x !== id), id]);
      await editIds(ALL_IDS, (ids) => [...ids.filter((x) => x !== id), id]);
      await bump();
    },
    get,
    exists: async (ruleId) => (await keyv.get<unknown>(ruleKey(ruleId))) !== undefined,
    listByChannel: async (channel) => readMany(await readIds(channelKey(channel))),
    listAll: async () => readMany(await readIds(ALL_IDS)),
    count: async () => (await readIds(ALL_IDS)).length,
    async delete(ruleId) {
      const id = ruleId.toLowerCase();
      const rule = await get(id);
      if (rule === undefined) return false;
      await keyv.delete(ruleKey(id));
      await editIds(channelKey(rule.channel), (ids) => ids.filter((x) => x !== id));
      await editIds(ALL_IDS, (ids) => ids.filter((x) => x !== id));
      await bump();
      return true;
    },
    setMute: (ruleId, mute: Mute) => change(ruleId, (rule) => ({ ...rule, mute }), true),
    clearMute: (ruleId) => change(ruleId, (rule) => ({ ...rule, mute: null }), true),
    recordMatch: (ruleId, at) =>
      change(ruleId, (rule) => ({ ...rule, matchCount: rule.matchCount + 1, lastMatchAt: at }), false),
    version: async () => String((await keyv.get<unknown>(VERSION)) ?? ''),
  };
}
