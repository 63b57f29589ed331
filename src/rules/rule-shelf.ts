import { factLookups, type IndexSlot } from './index-slot.ts';
import type { KeptRule } from './kept-rule.ts';
import type { PreparedFacts } from './prepare-facts.ts';
import type { ConditionKey } from './triggers.ts';

export type ShelfEntry = KeptRule;

/**
 * The rules of one trigger, filed by their index slot. Buckets are arrays, not sets: most hold a
 * handful of rules, and an array costs a fraction of a set's hash table.
 */
export interface TriggerShelf {
  equality: Map<ConditionKey, Map<string, ShelfEntry[]>>;
  /** byUrgency[u]: rules whose urgency conditions need at least u. */
  byUrgency: ShelfEntry[][];
  scan: ShelfEntry[];
}

const SMALL_BUCKET = 16;

export function createShelf(): TriggerShelf {
  return { equality: new Map(), byUrgency: Array.from({ length: 101 }, () => []), scan: [] };
}

export function fileEntry(shelf: TriggerShelf, entry: ShelfEntry, slot: IndexSlot): void {
  if (slot.kind === 'scan') shelf.scan.push(entry);
  else if (slot.kind === 'urgency') (shelf.byUrgency[slot.floor] ?? shelf.scan).push(entry);
  else {
    const byValue = shelf.equality.get(slot.key) ?? new Map<string, ShelfEntry[]>();
    shelf.equality.set(slot.key, byValue);
    for (const lookup of slot.lookups) {
      const bucket = byValue.get(lookup) ?? [];
      // Most buckets hold a few rules: copied at their exact size (concat; a push or a spread makes
      // room for 16 more).
      if (bucket.length < SMALL_BUCKET) byValue.set(lookup, bucket.concat(entry));
      else bucket.push(entry);
    }
  }
}

/** Takes the entry off the shelf (filed under `slot`), dropping buckets that become empty. */
export function unfileEntry(shelf: TriggerShelf, entry: ShelfEntry, slot: IndexSlot): void {
  if (slot.kind === 'scan') takeOut(shelf.scan, entry);
  else if (slot.kind === 'urgency') takeOut(shelf.byUrgency[slot.floor] ?? shelf.scan, entry);
  else {
    const byValue = shelf.equality.get(slot.key);
    for (const lookup of slot.lookups) {
      const bucket = byValue?.get(lookup);
      if (bucket !== undefined) takeOut(bucket, entry);
      if (bucket?.length === 0) byValue?.delete(lookup);
    }
    if (byValue?.size === 0) shelf.equality.delete(slot.key);
  }
}

/** From the end: a rule that changes often (its counters) was filed again recently. */
function takeOut(bucket: ShelfEntry[], entry: ShelfEntry): void {
  const at = bucket.lastIndexOf(entry);
  if (at >= 0) bucket.splice(at, 1);
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
