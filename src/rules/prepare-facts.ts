import { tlpRank } from './ordered-values.ts';
import {
  type FactRef,
  FLAG_FACTS,
  NUMBER_FACTS,
  REF_FACTS,
  TEXT_FACTS,
  type TriggerFacts,
} from './trigger-facts.ts';
import type { Trigger } from './triggers.ts';

export type NumberFact = (typeof NUMBER_FACTS)[number];
export type FlagFact = (typeof FLAG_FACTS)[number];
export type RefFact = (typeof REF_FACTS)[number];
export type TextFact = (typeof TEXT_FACTS)[number];

/** A reference in lower case, trimmed; empty parts are undefined. */
export interface PreparedRef {
  uuid: string | undefined;
  name: string | undefined;
}

/** The facts in the form conditions compare against, computed once per notification. */
export interface PreparedFacts {
  trigger: Trigger;
  numbers: Partial<Record<NumberFact, number>>;
  flags: Partial<Record<FlagFact, boolean>>;
  refs: Partial<Record<RefFact, PreparedRef[]>>;
  texts: Partial<Record<TextFact, string[]>>;
  /** Index in TLP_ORDER. */
  tlp: number | undefined;
}

export function prepareFacts(facts: TriggerFacts): PreparedFacts {
  const prepared: PreparedFacts = {
    trigger: facts.trigger,
    numbers: {},
    flags: {},
    refs: {},
    texts: {},
    tlp: facts.tlp === undefined ? undefined : tlpRank(facts.tlp),
  };
  for (const key of NUMBER_FACTS) {
    const value = facts[key];
    if (value !== undefined && Number.isFinite(value)) prepared.numbers[key] = value;
  }
  for (const key of FLAG_FACTS) {
    const value = facts[key];
    if (value !== undefined) prepared.flags[key] = value;
  }
  for (const key of REF_FACTS) prepared.refs[key] = (facts[key] ?? []).map(prepareRef);
  for (const key of TEXT_FACTS)
    prepared.texts[key] = (facts[key] ?? []).map(lower).filter((text) => text !== '');
  return prepared;
}

function prepareRef(ref: FactRef): PreparedRef {
  const uuid = lower(ref.uuid ?? '');
  const name = lower(ref.name ?? '');
  return { uuid: uuid === '' ? undefined : uuid, name: name === '' ? undefined : name };
}

function lower(text: string): string {
  return text.trim().toLowerCase();
}
