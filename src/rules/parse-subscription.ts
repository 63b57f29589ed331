import type { UrgencyLevel } from '../normalize/notification.ts';
import { checkCondition } from './check-condition.ts';
import { type ResolveMention, readMentions, readNotifyUrgency } from './read-notify-option.ts';
import { readRemindOptions } from './read-remind-option.ts';
import type { Condition, Mention, SubscriptionDraft } from './rule.ts';
import { splitCondition } from './split-condition.ts';
import { didYouMean } from './suggest-word.ts';
import { type ArgumentToken, tokenizeArguments } from './tokenize-arguments.ts';
import { isTrigger, TRIGGERS, type Trigger } from './triggers.ts';
import { quoted, usageError } from './usage-error.ts';
import { validateDraft } from './validate-draft.ts';

export const MAX_ARGUMENTS_LENGTH = 2000;
const MAX_NAME_LENGTH = 80;
const OPTIONS = ['--name', '--notify', '--notify-urgency', '--remind', '--escalate', '--preview'];
/** The one option without a value: show how many cards the rule would have posted (issue 15). */
const PREVIEW = '--preview';
/** `--escalate @a,@b 30m`: the names, then the delay (kept under this key). */
const ESCALATE_AFTER = '--escalate after';
/** The trigger whose matches post a new card: the only one a mention can ride on. */
const NOTIFY_TRIGGER: Trigger = 'alert-raised';

export interface ParseSubscriptionOptions {
  /** Where the platform mentions people by id: what each `--notify` item names (read-notify-option.ts). */
  resolveMention?: ResolveMention | undefined;
}

/**
 * The arguments of `subscribe`: `<trigger> [condition …] [--name "text"] [--notify @name[,@name…]
 * [--notify-urgency low|medium|high]] [--remind 15m [--escalate @name[,@name…] 30m]] [--preview]` → a draft, or a
 * BotError('command_usage') whose message quotes the offending word and says what was expected.
 */
export function parseSubscription(text: string, options: ParseSubscriptionOptions = {}): SubscriptionDraft {
  if (text.length > MAX_ARGUMENTS_LENGTH) {
    throw usageError(`the command is too long (at most ${MAX_ARGUMENTS_LENGTH} characters)`);
  }
  const [first, ...rest] = tokenizeArguments(text);
  if (first === undefined) throw usageError(`subscribe needs a trigger: ${TRIGGERS.join(', ')}`);
  const trigger = parseTrigger(first);
  const values = new Map<string, string>();
  const conditions: Condition[] = [];
  let preview = false;
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i] as ArgumentToken;
    if (!token.raw.startsWith('--')) {
      conditions.push(checkCondition(trigger, splitCondition(token)));
      continue;
    }
    if (token.raw.toLowerCase() === PREVIEW) {
      preview = true;
      continue;
    }
    const option = readOption(token, rest[i + 1]);
    if (option.option === PREVIEW) throw usageError(`${PREVIEW} takes no value`, { token: token.raw });
    if (values.has(option.option)) {
      throw usageError(`${option.option} is given twice — keep one`, { token: token.raw });
    }
    i += option.consumed - 1;
    let value = option.value;
    // `--notify @a, @b` and `--notify @a @b`: the list goes on while the next word is a mention
    // (the same for `--escalate`, whose delay follows its names).
    // Where mentions are by id, a name typed as text may have spaces (`@Alice Martin`): its next
    // words stay with it, so that the platform refuses the whole name rather than "Martin".
    const listed = option.option === '--notify' || option.option === '--escalate';
    for (let next = rest[i + 1]; listed && next !== undefined; next = rest[i + 1]) {
      if (next.raw.startsWith('@')) value = `${value.replace(/,$/, '')},${next.raw}`;
      else if (option.option === '--notify' && options.resolveMention !== undefined && isNameWord(next.raw))
        value = `${value} ${next.raw}`;
      else break;
      i++;
    }
    values.set(option.option, value);
    if (option.option === '--escalate') {
      values.set(ESCALATE_AFTER, readEscalateDelay(token, rest[i + 1]));
      i += 1;
    }
  }
  validateDraft(trigger, conditions);
  const draft: SubscriptionDraft = { trigger, conditions };
  const name = values.get('--name');
  if (name !== undefined) draft.name = checkName(name);
  const notify = readNotify(trigger, values, options.resolveMention);
  if (notify !== undefined) draft.notify = notify;
  const remind = readRemindOptions(
    trigger,
    { remind: values.get('--remind'), names: values.get('--escalate'), after: values.get(ESCALATE_AFTER) },
    options.resolveMention,
  );
  if (remind !== undefined) draft.remind = remind;
  if (preview) draft.preview = true;
  return draft;
}

/** The duration after `--escalate @names`: its own word, which no option may take the place of. */
function readEscalateDelay(option: ArgumentToken, next: ArgumentToken | undefined): string {
  const word = next?.segments.map((segment) => segment.text).join('') ?? '';
  if (next === undefined || next.raw.startsWith('--') || word.trim() === '') {
    throw usageError(`--escalate needs ${NEEDS['--escalate']}`, { token: option.raw });
  }
  return word;
}

function readNotify(
  trigger: Trigger,
  values: ReadonlyMap<string, string>,
  resolveMention: ResolveMention | undefined,
) {
  const mentions = values.get('--notify');
  const urgency = values.get('--notify-urgency');
  if (mentions === undefined && urgency === undefined) return undefined;
  if (trigger !== NOTIFY_TRIGGER) {
    throw usageError(
      `--notify only works with ${NOTIFY_TRIGGER}: other triggers post no new card to ping on`,
    );
  }
  if (mentions === undefined)
    throw usageError('--notify-urgency needs --notify @name, e.g. --notify @oncall');
  const list: Mention[] = readMentions(mentions, resolveMention);
  const minUrgency: UrgencyLevel | null = urgency === undefined ? null : readNotifyUrgency(urgency);
  return { mentions: list, minUrgency };
}

/** A word that is neither an option nor a condition (no operator): part of a name typed as text. */
const isNameWord = (raw: string) => !raw.startsWith('--') && !/[=~<>!]/.test(raw);

function checkName(value: string): string {
  if (value.length > MAX_NAME_LENGTH || /\p{Cc}/u.test(value)) {
    throw usageError(`--name takes one line of at most ${MAX_NAME_LENGTH} characters`);
  }
  return value;
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

const NEEDS: Record<string, string> = {
  '--name': 'a text, e.g. --name "Night shift"',
  '--notify': 'names, e.g. --notify @oncall,@sre',
  '--notify-urgency': 'a level, e.g. --notify-urgency high',
  '--remind': 'a duration, e.g. --remind 15m',
  '--escalate': 'names then a duration, e.g. --escalate @secops-leads 30m',
  '--preview': 'nothing: --preview takes no value',
};

/** `--name "Night shift"` (two tokens) or `--name="Night shift"` (one); the same for every option. */
function readOption(token: ArgumentToken, next: ArgumentToken | undefined) {
  const [head] = token.segments;
  const option = head?.quoted === false ? (head.text.split('=')[0] ?? '').toLowerCase() : '';
  if (!OPTIONS.includes(option)) {
    const hint = didYouMean(option, OPTIONS) || ` — the options are ${OPTIONS.join(', ')}`;
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
    throw usageError(`${option} needs ${NEEDS[option]}`, { token: token.raw });
  }
  return { option, value, consumed: inline ? 1 : 2 };
}

function dropPrefix(token: ArgumentToken, length: number): ArgumentToken {
  const [head, ...more] = token.segments;
  const rest = (head?.text ?? '').slice(length);
  return { raw: token.raw.slice(length), segments: rest ? [{ text: rest, quoted: false }, ...more] : more };
}
