import { checkCondition } from './check-condition.ts';
import type { Condition, SubscriptionDraft } from './rule.ts';
import { splitCondition } from './split-condition.ts';
import { didYouMean } from './suggest-word.ts';
import { type ArgumentToken, tokenizeArguments } from './tokenize-arguments.ts';
import { isTrigger, TRIGGERS, type Trigger } from './triggers.ts';
import { quoted, usageError } from './usage-error.ts';
import { validateDraft } from './validate-draft.ts';

export const MAX_ARGUMENTS_LENGTH = 2000;
const MAX_NAME_LENGTH = 80;
const OPTIONS = ['--name'];

/**
 * The arguments of `subscribe`: `<trigger> [condition …] [--name "text"]` → a draft, or a
 * BotError('command_usage') whose message quotes the offending word and says what was expected.
 */
export function parseSubscription(text: string): SubscriptionDraft {
  if (text.length > MAX_ARGUMENTS_LENGTH) {
    throw usageError(`the command is too long (at most ${MAX_ARGUMENTS_LENGTH} characters)`);
  }
  const [first, ...rest] = tokenizeArguments(text);
  if (first === undefined) throw usageError(`subscribe needs a trigger: ${TRIGGERS.join(', ')}`);
  const trigger = parseTrigger(first);
  let name: string | undefined;
  const conditions: Condition[] = [];
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i] as ArgumentToken;
    if (!token.raw.startsWith('--')) {
      conditions.push(checkCondition(trigger, splitCondition(token)));
      continue;
    }
    if (name !== undefined) throw usageError('--name is given twice — keep one', { token: token.raw });
    const option = readNameOption(token, rest[i + 1]);
    name = option.name;
    i += option.consumed - 1;
  }
  validateDraft(trigger, conditions);
  return name === undefined ? { trigger, conditions } : { trigger, conditions, name };
}

function parseTrigger(token: ArgumentToken): Trigger {
  const word = token.segments.map((segment) => segment.text).join('');
  const lower = word.toLowerCase();
  if (isTrigger(lower)) return lower;
  if (/[=~<>]/.test(word)) {
    throw usageError(`subscribe needs a trigger before the conditions: ${TRIGGERS.join(', ')}`, {
      token: token.raw,
    });
  }
  const hint = didYouMean(lower, TRIGGERS) || ` — use one of ${TRIGGERS.join(', ')}`;
  throw usageError(`unknown trigger ${quoted(word)}${hint}`, { token: token.raw });
}

/** `--name "Night shift"` (two tokens) or `--name="Night shift"` (one). */
function readNameOption(token: ArgumentToken, next: ArgumentToken | undefined) {
  const [head] = token.segments;
  const option = head?.quoted === false ? (head.text.split('=')[0] ?? '').toLowerCase() : '';
  if (!OPTIONS.includes(option)) {
    const hint = didYouMean(option, OPTIONS) || ' — the only option is --name "text"';
    throw usageError(`unknown option ${quoted(option || token.raw)}${hint}`, { token: token.raw });
  }
  const inline = token.raw.length > option.length && token.raw.charAt(option.length) === '=';
  const valueToken = inline ? dropPrefix(token, option.length + 1) : next;
  const value =
    valueToken?.segments
      .map((segment) => segment.text)
      .join('')
      .trim() ?? '';
  if (value === '' || (!inline && valueToken?.raw.startsWith('--'))) {
    throw usageError('--name needs a text, e.g. --name "Night shift"', { token: token.raw });
  }
  if (value.length > MAX_NAME_LENGTH || /\p{Cc}/u.test(value)) {
    throw usageError(`--name takes one line of at most ${MAX_NAME_LENGTH} characters`, { token: token.raw });
  }
  return { name: value, consumed: inline ? 1 : 2 };
}

function dropPrefix(token: ArgumentToken, length: number): ArgumentToken {
  const [head, ...more] = token.segments;
  const rest = (head?.text ?? '').slice(length);
  return { raw: token.raw.slice(length), segments: rest ? [{ text: rest, quoted: false }, ...more] : more };
}
