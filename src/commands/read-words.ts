import { tokenizeArguments } from '../rules/tokenize-arguments.ts';
import { quoted, usageError } from '../rules/usage-error.ts';

/**
 * The arguments of a command that takes `min` to `max` words; a usage error quoting the first
 * extra word, or naming what is missing, otherwise.
 */
export function readWords(
  args: string,
  spec: { command: string; min: number; max: number; names: string[] },
) {
  const words = tokenizeArguments(args).map((token) =>
    token.segments.map((segment) => segment.text).join(''),
  );
  const extra = words[spec.max];
  if (extra !== undefined) {
    throw usageError(`${spec.command} does not take ${quoted(extra)}`, { token: extra });
  }
  if (words.length < spec.min) {
    throw usageError(`${spec.command} needs ${spec.names.slice(words.length, spec.min).join(' and ')}`);
  }
  return words;
}
