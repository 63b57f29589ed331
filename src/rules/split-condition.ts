import { OPERATORS, type Operator } from './rule.ts';
import type { ArgumentToken, Segment } from './tokenize-arguments.ts';
import { quoted, usageError } from './usage-error.ts';

/** A condition as typed, before its key and values are checked. */
export interface RawCondition {
  /** Lower case. */
  key: string;
  op: Operator | undefined;
  /** Trimmed, never empty. */
  values: string[];
  raw: string;
}

const KEY_AND_OPERATOR = /^([A-Za-z][A-Za-z0-9_-]*)(!=|>=|<=|=|~|>|<)?/;

/** `status=pending,"in progress"` → key, operator and the values, split on commas outside quotes. */
export function splitCondition(token: ArgumentToken): RawCondition {
  const [first, ...more] = token.segments;
  const head = first && !first.quoted ? KEY_AND_OPERATOR.exec(first.text) : null;
  if (!first || !head) throw expectedCondition(token.raw);
  const key = (head[1] as string).toLowerCase();
  const op = OPERATORS.find((candidate) => candidate === head[2]);
  const restText = first.text.slice(head[0].length);
  if (op === undefined) {
    if (restText === '' && more.length === 0) return { key, op, values: [], raw: token.raw };
    throw usageError(
      `expected an operator (=, !=, ~, >=, <=, >, <) after ${quoted(head[1] as string)} in ${quoted(token.raw)}`,
      { token: token.raw },
    );
  }
  const rest: Segment[] = restText === '' ? more : [{ text: restText, quoted: false }, ...more];
  const values = splitValues(rest).map((value) => value.trim());
  if (values.some((value) => value === '')) {
    throw usageError(`empty value in ${quoted(token.raw)}`, { token: token.raw });
  }
  return { key, op, values, raw: token.raw };
}

function splitValues(segments: readonly Segment[]): string[] {
  const values: string[] = [];
  let current = '';
  for (const segment of segments) {
    if (segment.quoted) {
      current += segment.text;
      continue;
    }
    const parts = segment.text.split(',');
    current += parts[0] ?? '';
    for (const part of parts.slice(1)) {
      values.push(current);
      current = part;
    }
  }
  values.push(current);
  return values;
}

export function expectedCondition(raw: string) {
  return usageError(`expected a condition like urgency>=high or entity="Lyon HQ", got ${quoted(raw)}`, {
    token: raw,
  });
}
