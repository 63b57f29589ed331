import type { TriggerFacts } from '../src/rules/trigger-facts.ts';

/**
 * The pools the benchmark's rules and events are drawn from: an MSSP with 2,000 tenant
 * communities, each with a few channels (channel i belongs to community i mod 2,000).
 */
export interface World {
  random: () => number;
  communities: string[];
  /** Entity names per community. */
  entities: string[][];
  catalog: { uuid: string; name: string }[];
  assets: string[];
  intakes: string[];
  playbooks: string[];
}

const STATUSES = ['Pending', 'Acknowledged', 'Ongoing', 'Closed', 'Rejected'];
const WORDS = ['powershell', 'mimikatz', 'phishing', 'beacon', 'ransomware', 'lateral', 'dns', 'brute'];

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;
const int = (random: () => number, below: number) => Math.floor(random() * below);

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => int(random, 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export function createWorld(seed: number): World {
  const random = seeded(seed);
  const communities = Array.from({ length: 2000 }, () => uuid(random));
  return {
    random,
    communities,
    entities: communities.map((_, c) => Array.from({ length: 10 }, (_, e) => `Site ${c}-${e}`)),
    catalog: Array.from({ length: 2000 }, (_, i) => ({
      uuid: uuid(random),
      name: `${pick(random, WORDS)} rule ${i}`,
    })),
    assets: Array.from({ length: 5000 }, () => uuid(random)),
    intakes: Array.from({ length: 3000 }, (_, i) => `Intake ${i}`),
    playbooks: Array.from({ length: 500 }, (_, i) => `Playbook ${i}`),
  };
}

/** A `subscribe` line for a channel of the channel's tenant; see the mix in BENCHMARKS.md. */
export function generateRuleLine(world: World, channelIndex: number): string {
  const { random } = world;
  const c = channelIndex % world.communities.length;
  const community = `community=${world.communities[c]}`;
  const threshold = `urgency>=${pick(random, ['high', 'medium', 'high', '60', '80', '90'])}`;
  const roll = random();
  if (roll < 0.3) return `alert-raised ${threshold} ${community}`;
  if (roll < 0.45) return `alert-raised ${threshold} entity="${pick(random, world.entities[c] ?? [])}"`;
  if (roll < 0.53) return `alert-raised rule=${pick(random, world.catalog).uuid} ${threshold}`;
  if (roll < 0.57) return `alert-raised rule="${pick(random, world.catalog).name}"`;
  if (roll < 0.61) return `alert-raised asset=${pick(random, world.assets)}`;
  if (roll < 0.7) return `alert-updated change=status status=closed,rejected ${community}`;
  if (roll < 0.75) return `alert-updated recurrence>=${10 + int(random, 90)} ${community}`;
  if (roll < 0.8) return `alert-raised rule~${pick(random, WORDS)} ${community} urgency>=medium`;
  if (roll < 0.818) return `alert-raised rule~${pick(random, WORDS)} urgency>=90`;
  if (roll < 0.82) return `alert-raised urgency>=${pick(random, ['95', '99', '100'])}`;
  if (roll < 0.85) return `alert-updated change=urgency urgency>=high ${community}`;
  if (roll < 0.86) return `report tlp=${pick(random, ['amber,red', 'red', 'green'])} flint=true`;
  if (roll < 0.92)
    return `rule-added severity>=${pick(random, ['50', '75', '90'])} name~${pick(random, WORDS)}`;
  if (roll < 0.97)
    return `intake-silent intake="${pick(random, world.intakes)}" for=${pick(random, ['15m', '1h', '2h'])}`;
  return `playbook-error playbook="${pick(random, world.playbooks)}" crashed=true`;
}

function alertEvent(world: World, trigger: 'alert-raised' | 'alert-updated'): TriggerFacts {
  const { random } = world;
  const c = int(random, world.communities.length);
  const rule = pick(random, world.catalog);
  return {
    trigger,
    // Most alerts are low or medium.
    urgency: Math.min(100, Math.floor(random() ** 1.5 * 101)),
    status: [{ name: pick(random, STATUSES) }],
    asset: Array.from({ length: int(random, 3) }, () => ({ uuid: pick(random, world.assets) })),
    entity: [{ name: pick(random, world.entities[c] ?? []) }],
    rule: [rule],
    community: [{ uuid: world.communities[c] }],
    type: ['intrusions', 'system-compromise'],
    recurrence: int(random, 200),
    change: trigger === 'alert-updated' ? [pick(random, ['status', 'urgency', 'occurrence'])] : [],
  };
}

export function generateEvent(world: World): TriggerFacts {
  const { random } = world;
  const roll = random();
  if (roll < 0.5) return alertEvent(world, 'alert-raised');
  if (roll < 0.9) return alertEvent(world, 'alert-updated');
  if (roll < 0.93)
    return { trigger: 'report', tlp: pick(random, ['amber', 'red', 'green']), flint: random() < 0.5 };
  if (roll < 0.95)
    return { trigger: 'rule-added', name: [`${pick(random, WORDS)} detection`], severity: int(random, 101) };
  if (roll < 0.98)
    return {
      trigger: 'intake-silent',
      intake: [{ name: pick(random, world.intakes) }],
      for: int(random, 4) * 3_600_000,
    };
  return {
    trigger: 'playbook-error',
    playbook: [{ name: pick(random, world.playbooks) }],
    crashed: random() < 0.5,
  };
}
