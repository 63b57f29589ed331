import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rule } from '../../src/rules/rule.ts';
import { sameChannel } from '../../src/rules/rule-store.ts';
import { randomSubscriptionLine } from '../rules/random-subscriptions.ts';
import { pickOne, seededRandom } from '../rules/seeded-random.ts';
import { type Harness, OPS, SOC, startHarness } from './command-harness.ts';

const CHARS = [...' =!~<>,"\'“”‘’\\-az09_:+.\u00a0\t\n\u0000😀'];
const DURATIONS = ['30m', '2h', '1d', '7d', '8d', '0m', '1h30m', 'soon', '-1h', '99999d'];

function validish(random: () => number, ids: string[]): string {
  const id = ids.length > 0 && random() < 0.9 ? pickOne(random, ids) : 'zzzz';
  const shout = (word: string) => (random() < 0.2 ? word.toUpperCase() : word);
  return pickOne(random, [
    () => `subscribe ${randomSubscriptionLine(random)}`,
    () => `mute ${shout(id)} ${pickOne(random, DURATIONS)}${random() < 0.5 ? ' maintenance "window"' : ''}`,
    () => `unmute ${id}`,
    () => `unsubscribe ${id}`,
    () => pickOne(random, ['rules', 'status', 'help', 'help mute', 'help nothing', '', 'HELP']),
  ])();
}

function mutate(random: () => number, line: string): string {
  let text = line;
  for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
    const at = Math.floor(random() * (text.length + 1));
    const ch = pickOne(random, CHARS);
    const kind = Math.floor(random() * 3);
    const cut = kind === 0 ? at : at + 1;
    text = text.slice(0, at) + (kind === 1 ? '' : ch) + text.slice(cut);
  }
  return text;
}

const snapshot = (rules: Rule[]) => new Map(rules.map((rule) => [rule.id, JSON.stringify(rule)]));

describe('runCommand on random and mutated command lines', () => {
  let bot: Harness;
  beforeEach(async () => {
    bot = await startHarness(7);
  });
  afterEach(() => bot.close());

  it('never throws, always answers once, and changes only what a successful command in its channel changes (2,000 lines)', async () => {
    const random = seededRandom(20260302);
    const outcomes = { success: 0, info: 0, error: 0 };
    for (let i = 0; i < 2000; i++) {
      const before = snapshot(await bot.rules.listAll());
      const base = validish(random, [...before.keys()]);
      const line = random() < 0.5 ? mutate(random, base) : base;
      const channel = random() < 0.7 ? SOC : OPS;
      const ctx = await bot.run(line, channel);
      expect(ctx.replies.length, JSON.stringify(line)).toBe(1);
      const kind = ctx.replies[0]?.kind ?? 'error';
      outcomes[kind] += 1;
      const after = await bot.rules.listAll();
      const changed = [...new Set([...before.keys(), ...after.map((r) => r.id)])].filter(
        (id) => before.get(id) !== JSON.stringify(after.find((r) => r.id === id)),
      );
      if (kind !== 'success') expect(changed, JSON.stringify(line)).toEqual([]);
      expect(changed.length, JSON.stringify(line)).toBeLessThanOrEqual(1);
      expect(ctx.announcements.length).toBe(changed.length);
      for (const rule of after.filter((r) => changed.includes(r.id)))
        expect(sameChannel(rule.channel, channel)).toBe(true);
      bot.clock.advance(60_000);
    }
    expect(bot.captured.records().filter((r) => Number(r.level) >= 50)).toEqual([]);
    expect(outcomes.success).toBeGreaterThan(200);
    expect(outcomes.error).toBeGreaterThan(200);
  }, 60_000);
});
