import type { KeySpec } from './key-spec.ts';
import type { TriggerDefinition } from './trigger-definition.ts';

/** What rules, help and cards read of a trigger table, worked out once. */
export interface TriggerCatalog<Name extends string, Key extends string> {
  readonly triggers: readonly Name[];
  /** Every key of every trigger, in the order of first use. */
  readonly conditionKeys: readonly Key[];
  readonly keysOf: Readonly<Record<Name, readonly Key[]>>;
  readonly requiredKeysOf: Readonly<Record<Name, readonly Key[]>>;
  /** Which rules a notification of a trigger is matched against: its own, then `alsoMatches`. */
  readonly matchedBy: Readonly<Record<Name, readonly Name[]>>;
  readonly keySpecs: Readonly<Record<Key, KeySpec>>;
  readonly labels: Readonly<Record<Name, string>>;
}

/** What the catalog reads of each definition. */
type Table = readonly Pick<TriggerDefinition, 'name' | 'label' | 'keys' | 'required' | 'alsoMatches'>[];
type NameOf<T extends Table> = T[number]['name'];
type KeyOf<T extends Table> = T[number] extends infer D
  ? D extends { keys: infer Keys }
    ? keyof Keys & string
    : never
  : never;

/**
 * The table → its catalog. Throws when two triggers share a name, or give one key two meanings
 * (conditions are compiled by key, whatever the trigger).
 */
export function createTriggerCatalog<const T extends Table>(table: T): TriggerCatalog<NameOf<T>, KeyOf<T>> {
  const names = table.map((definition) => definition.name);
  if (new Set(names).size !== names.length) throw new Error(`a trigger is listed twice: ${names.join(', ')}`);
  const keySpecs: Record<string, KeySpec> = {};
  for (const definition of table) {
    for (const [key, spec] of Object.entries(definition.keys)) {
      const known = keySpecs[key];
      if (known !== undefined && JSON.stringify(known) !== JSON.stringify(spec))
        throw new Error(`key "${key}" of ${definition.name} differs from its earlier use`);
      keySpecs[key] = known ?? spec;
    }
  }
  const byName = <V>(value: (definition: T[number]) => V) =>
    Object.fromEntries(table.map((definition) => [definition.name, value(definition)])) as Record<
      NameOf<T>,
      V
    >;
  return {
    triggers: names as NameOf<T>[],
    conditionKeys: Object.keys(keySpecs) as KeyOf<T>[],
    keysOf: byName((definition) => Object.keys(definition.keys) as KeyOf<T>[]),
    requiredKeysOf: byName((definition) => (definition.required ?? []) as KeyOf<T>[]),
    matchedBy: byName(
      (definition) =>
        [
          definition.name,
          ...(definition.alsoMatches ?? []).filter((name) => names.includes(name)),
        ] as NameOf<T>[],
    ),
    keySpecs: keySpecs as Record<KeyOf<T>, KeySpec>,
    labels: byName((definition) => definition.label),
  };
}
