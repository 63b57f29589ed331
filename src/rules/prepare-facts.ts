import { tlpRank } from './ordered-values.ts';
import {
  type FactRef,
  FLAG_FACTS,
  NUMBER_FACTS,
  REF_FACTS,
  TEXT_FACTS,
  type TriggerFacts,
} from './trigger-facts.ts';
import type { ConditionKey, Trigger } from './triggers.ts';

export type NumberFact = ConditionKey;
export type FlagFact = ConditionKey;
export type RefFact = ConditionKey;
export type TextFact = ConditionKey;

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
  // Each trigger's facts are typed by its keys; read here by key, whatever the trigger.
  const values: Readonly<Partial<Record<ConditionKey, unknown>>> = facts;
  for (const key of NUMBER_FACTS) {
    const value = values[key];
    if (typeof value === 'number' && Number.isFinite(value)) prepared.numbers[key] = value;
  }
  for (const key of FLAG_FACTS) {
    const value = values[key];
    if (typeof value === 'boolean') prepared.flags[key] = value;
  }
  for (const key of REF_FACTS) prepared.refs[key] = listOf(values[key], isFactRef).map(prepareRef);
  for (const key of TEXT_FACTS)
    prepared.texts[key] = listOf(values[key], isText)
      .map(lower)
      .filter((text) => text !== '');
  return prepared;
}

function listOf<T>(value: unknown, is: (item: unknown) => item is T): readonly T[] {
  return Array.isArray(value) ? value.filter(is) : [];
}

const isText = (item: unknown): item is string => typeof item === 'string';
const isFactRef = (item: unknown): item is FactRef => typeof item === 'object' && item !== null;

function prepareRef(ref: FactRef): PreparedRef {
  const uuid = lower(ref.uuid ?? '');
  const name = lower(ref.name ?? '');
  return { uuid: uuid === '' ? undefined : uuid, name: name === '' ? undefined : name };
}

function lower(text: string): string {
  return text.trim().toLowerCase();
}
