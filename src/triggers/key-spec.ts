/**
 * What a condition key's values are:
 * - `level`: 0–100 or `low` / `medium` / `high` (urgency);
 * - `number`: a whole number from 0 to `max`;
 * - `tlp`: an ordered TLP colour (`amber` covers AMBER and AMBER+STRICT, see rules/ordered-values.ts);
 * - `ref`: a UUID (compared to the id) or a name (compared to the name, case-insensitively);
 * - `uuid`: a UUID only (community: the notification carries no community name);
 * - `text`: free text compared case-insensitively;
 * - `enum`: one of `choices`;
 * - `boolean`: `true` or `false`;
 * - `duration`: like `2h`, between `min` and `max` ms.
 */
export type KeyKind = 'level' | 'number' | 'tlp' | 'ref' | 'uuid' | 'text' | 'enum' | 'boolean' | 'duration';

export interface KeySpec {
  readonly kind: KeyKind;
  /** Shown in error messages and help. */
  readonly example: string;
  readonly min?: number;
  readonly max?: number;
  readonly choices?: readonly string[];
  /** The key may appear once per rule. */
  readonly single?: boolean;
}

/** A trigger's condition keys, each with what its values are. */
export type KeySpecs = Readonly<Record<string, KeySpec>>;

export const PERCENT = { min: 0, max: 100 } as const;

/** Something a condition can name by UUID or by name. */
export interface FactRef {
  uuid?: string | undefined;
  name?: string | undefined;
}

/** The value a notification gives for a key of this kind. */
export type FactValue<Kind extends KeyKind> = Kind extends 'level' | 'number' | 'duration'
  ? number
  : Kind extends 'boolean'
    ? boolean
    : Kind extends 'tlp'
      ? string
      : Kind extends 'ref' | 'uuid'
        ? readonly FactRef[]
        : readonly string[];

/**
 * What rules are matched against, keyed by condition key and typed by the key's kind. An absent
 * field is "unknown": conditions on it do not hold, except `!=`, which does.
 */
export type FactsOf<Name extends string, Keys extends KeySpecs> = { trigger: Name } & {
  [K in keyof Keys]?: FactValue<Keys[K]['kind']> | undefined;
};
