import type { ConnectorContext } from './connector-context.ts';
import { badSyntax, type ConnectorError } from './connector-error.ts';
import { isRecord } from './connector-model.ts';

/**
 * How Teams reads the mentions of a message the bot sends, after Microsoft's docs:
 * - channel-and-group-conversations, "Add mentions to your messages": "The `text` field in the
 *   object in the `entities` array must match a portion of the message `text` field. If it
 *   doesn't, the mention is ignored."
 * - cards-format, "Mention support within Adaptive Cards": a card needs `<at>username</at>` in a
 *   TextBlock or FactSet and the `mention` object in the card's `msteams.entities`, with the Teams
 *   user id (`29:…`), or the Azure AD object id or UPN; a tag's entity has `mentioned.type: 'tag'`
 *   (OfficeDev/Microsoft-Teams-Samples, samples/bot-tag-mention).
 * An `<at>` without an entity is shown as text and pings nobody; so does an entity naming nobody
 * Teams knows. Not documented, refused here so that a bot bug shows: an entity without a
 * `text` or a `mentioned.id`.
 */
export interface MentionReading {
  /** Ids that an entity matched in the text names (users or tags the fake knows), in order. */
  pinged: string[];
  /** `<at>` runs without an entity and entity texts not in the message. */
  unmatched: string[];
}

const AT = /<at>[\s\S]*?<\/at>/g;

export function readMentions(
  context: ConnectorContext,
  activity: Record<string, unknown>,
): MentionReading | { error: ConnectorError } {
  const texts: string[] = [];
  const entities: unknown[] = [];
  if (typeof activity.text === 'string') texts.push(activity.text);
  if (Array.isArray(activity.entities)) entities.push(...activity.entities);
  for (const attachment of Array.isArray(activity.attachments) ? activity.attachments : []) {
    const card = isRecord(attachment) && isRecord(attachment.content) ? attachment.content : undefined;
    if (card === undefined) continue;
    collectTexts(card.body, texts);
    const msteams = isRecord(card.msteams) ? card.msteams : {};
    if (Array.isArray(msteams.entities)) entities.push(...msteams.entities);
  }
  const tags = texts.flatMap((text) => text.match(AT) ?? []);
  const pinged: string[] = [];
  const matched = new Set<string>();
  const unmatched: string[] = [];
  for (const entity of entities) {
    if (!isRecord(entity) || entity.type !== 'mention') continue;
    const mentioned = isRecord(entity.mentioned) ? entity.mentioned : {};
    if (typeof entity.text !== 'string' || typeof mentioned.id !== 'string' || mentioned.id === '') {
      return { error: badSyntax('A mention entity needs a text and a mentioned.id.') };
    }
    if (!tags.includes(entity.text)) {
      unmatched.push(entity.text);
      continue;
    }
    matched.add(entity.text);
    if (knows(context, mentioned.id, mentioned.type) && !pinged.includes(mentioned.id))
      pinged.push(mentioned.id);
  }
  unmatched.push(...tags.filter((tag) => !matched.has(tag)));
  return { pinged, unmatched };
}

/** A user by any id Microsoft lists for mentions (29: id, AAD object id, UPN), or a tag by its id. */
function knows(context: ConnectorContext, id: string, type: unknown): boolean {
  if (type === 'tag') return context.tags.has(id);
  return [...context.users.values()].some(
    (user) => user.id === id || user.aadObjectId === id || user.userPrincipalName === id,
  );
}

/** Mentions are read in TextBlock and FactSet texts (cards-format), inside containers and columns too. */
function collectTexts(elements: unknown, texts: string[]): void {
  if (!Array.isArray(elements)) return;
  for (const element of elements) {
    if (!isRecord(element)) continue;
    if (element.type === 'TextBlock' && typeof element.text === 'string') texts.push(element.text);
    if (element.type === 'FactSet' && Array.isArray(element.facts)) {
      for (const fact of element.facts) {
        if (!isRecord(fact)) continue;
        if (typeof fact.title === 'string') texts.push(fact.title);
        if (typeof fact.value === 'string') texts.push(fact.value);
      }
    }
    collectTexts(element.items, texts);
    if (Array.isArray(element.columns))
      for (const column of element.columns) if (isRecord(column)) collectTexts(column.items, texts);
  }
}
