import type { CompiledRule } from './compile-rule.ts';
import { factLookups, type IndexSlot } from './index-slot.ts';
import type { PreparedFacts } from './prepare-facts.ts';
import type { ConditionKey } from './triggers.ts';

export interface ShelfEntry {
  compiled: CompiledRule;
  slot: IndexSlot;
  /** The match call that last looked at this entry, so a rule found twice is checked once. */
  seen: number;
}

/** The rules of one trigger, filed by their index slot. */
export interface TriggerShelf {
  equality: Map<ConditionKey, Map<string, Set<ShelfEntry>>>;
  /** byUrgency[u]: rules whose urgency conditions need at least u. */
  byUrgency: Set<ShelfEntry>[];
  scan: Set<ShelfEntry>;
}

export function createShelf(): TriggerShelf {
  return { equality: new Map(), byUrgency: Array.from({ length: 101 }, () => new Set()), scan: new Set() };
}

export function fileEntry(shelf: TriggerShelf, entry: ShelfEntry): void {
  const { slot } = entry;
  if (slot.kind === 'scan') shelf.scan.add(entry);
  else if (slot.kind === 'urgency') (shelf.byUrgency[slot.floor] ?? shelf.scan).add(entry);
  else {
    const byValue = shelf.equality.get(slot.key) ?? new Map<string, Set<ShelfEntry>>();
    shelf.equality.set(slot.key, byValue);
    for (const lookup of slot.lookups) {
      const set = byValue.get(lookup) ?? new Set<ShelfEntry>();
      byValue.set(lookup, set);
      set.add(entry);
    }
  }
}

/** Takes the entry off the shelf, dropping buckets that become empty. */
export function unfileEntry(shelf: TriggerShelf, entry: ShelfEntry): void {
  const { slot } = entry;
  if (slot.kind === 'scan') shelf.scan.delete(entry);
  else if (slot.kind === 'urgency') (shelf.byUrgency[slot.floor] ?? shelf.scan).delete(entry);
  else {
    const byValue = shelf.equality.get(slot.key);
    for (const lookup of slot.lookups) {
      const set = byValue?.get(lookup);
      set?.delete(entry);
      if (set?.size === 0) byValue?.delete(lookup);
    }
    if (byValue?.size === 0) shelf.equality.delete(slot.key);
  }
}

/** Every entry that may match the facts: the equality buckets they hit, the urgency floors, the scan list. */
export function visitCandidates(
  shelf: TriggerShelf,
  facts: PreparedFacts,
  visit: (entry: ShelfEntry) => void,
): void {
  for (const [key, byValue] of shelf.equality) {
    for (const lookup of factLookups(facts, key)) {
      const bucket = byValue.get(lookup);
      if (bucket) for (const entry of bucket) visit(entry);
    }
  }
  const urgency = facts.numbers.urgency;
  if (urgency !== undefined && urgency >= 0) {
    const top = Math.min(100, Math.floor(urgency));
    for (let floor = 0; floor <= top; floor++) for (const entry of shelf.byUrgency[floor] ?? []) visit(entry);
  }
  for (const entry of shelf.scan) visit(entry);
}
