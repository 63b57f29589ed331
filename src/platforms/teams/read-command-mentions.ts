import type { Activity } from 'botbuilder';
import { z } from 'zod';
import {
  MAX_MENTION_ID_LENGTH,
  MAX_MENTION_LABEL_LENGTH,
  type ResolveMention,
} from '../../rules/read-notify-option.ts';
import type { Mention } from '../../rules/rule.ts';
import { quoted, usageError } from '../../rules/usage-error.ts';

/** A message names a handful of people; more entities than this are not read. */
const MAX_ENTITIES = 50;
/** Control and bidi-override characters: dropped from a display name, refused in an id. */
const HIDDEN = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu');

/**
 * A mention entity as Teams sends it with a message: `text` is the `<at>…</at>` in the message
 * text, `mentioned` who it names; `mentioned.type: 'tag'` for a team tag (reference teams.md §2;
 * OfficeDev/Microsoft-Teams-Samples, samples/bot-tag-mention: the tag's id comes in the entity).
 */
const mentionEntity = z.object({
  type: z.literal('mention'),
  text: z.string().min(1).max(1000),
  mentioned: z.object({
    id: z.string().min(1).max(MAX_MENTION_ID_LENGTH),
    name: z.string().max(1000).optional(),
    type: z.string().optional(),
  }),
});

export interface CommandMentions {
  /** The text with each mention that has an entity replaced by one word (`@Alice_Martin`). */
  text: string;
  /** What each such word names, for `--notify`; any other word is refused. */
  resolveMention: ResolveMention;
}

/**
 * The people and tags a command mentions. Microsoft: "don't rely on the text in the message to
 * retrieve any information about the user… use the entities object" (channel-and-group-
 * conversations, "Retrieve mentions"); a name typed without picking it has no entity, so no id, and
 * cannot ping. Each `<at>…</at>` that has an entity becomes one word, since a display name has
 * spaces and commas that the command grammar splits on; the word resolves to the entity's id and
 * name. The bot's own mention (`@Sekoia` addressing the command) is refused as a target.
 */
export function readCommandMentions(activity: Partial<Activity>, text: string): CommandMentions {
  const words = new Map<string, Mention | 'bot'>();
  let replaced = text;
  for (const entity of (activity.entities ?? []).slice(0, MAX_ENTITIES)) {
    const parsed = mentionEntity.safeParse(entity);
    if (!parsed.success || HIDDEN.test(parsed.data.mentioned.id)) continue;
    const at = replaced.indexOf(parsed.data.text);
    if (at < 0) continue;
    const mention = toMention(parsed.data);
    const word = uniqueWord(mention.name, words);
    words.set(word, parsed.data.mentioned.id === activity.recipient?.id ? 'bot' : mention);
    const after = replaced.slice(at + parsed.data.text.length);
    // Two mentions typed back to back stay two words.
    replaced = `${replaced.slice(0, at)}${word}${/^[<@]/.test(after) ? ' ' : ''}${after}`;
  }
  return { text: replaced, resolveMention: (typed) => resolve(words, typed) };
}

function resolve(words: ReadonlyMap<string, Mention | 'bot'>, typed: string): Mention {
  const mention = words.get(typed);
  if (mention === 'bot') throw usageError('--notify names people or tags, not the bot itself');
  if (mention !== undefined) return mention;
  throw usageError(
    `--notify ${quoted(typed)} is plain text: type @ and pick the person or tag from the @ list so Teams knows who`,
  );
}

function toMention(entity: z.infer<typeof mentionEntity>): Mention {
  const inner = entity.text.replace(/^<at>|<\/at>$/g, '');
  const given = (entity.mentioned.name ?? inner).replace(HIDDEN_ALL, '').trim();
  const name = Array.from(given || entity.mentioned.id)
    .slice(0, MAX_MENTION_LABEL_LENGTH)
    .join('');
  const mention: Mention = { name, id: entity.mentioned.id };
  if (entity.mentioned.type === 'tag') mention.group = true;
  return mention;
}

/** `Alice Martin` → `@Alice_Martin`: one word the grammar keeps whole; distinct for each mention. */
function uniqueWord(name: string, taken: ReadonlyMap<string, unknown>): string {
  const base = `@${name.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^_+|_+$/g, '') || 'mention'}`;
  let word = base;
  for (let n = 2; taken.has(word); n++) word = `${base}~${n}`;
  return word;
}
