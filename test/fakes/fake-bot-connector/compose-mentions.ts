import type { ConnectorContext } from './connector-context.ts';

/** An inbound mention entity, as Teams sends it with a message (reference teams.md §2.1). */
export interface InboundMention {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string; type?: 'tag' };
}

/** What a user sees typed into the compose box, the way Teams encodes message text (HTML). */
export function encodeTyped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/**
 * A message as Teams composes it when the user picks people or tags from the @ list: the typed
 * `@Alice Martin` becomes `<at>Alice Martin</at>` with a `mention` entity carrying the id
 * (channel-and-group-conversations, "Retrieve mentions"; a tag's entity has `mentioned.type: 'tag'`,
 * samples/bot-tag-mention). Everything else is typed text, HTML-encoded, so a typed `<at>` is
 * `&lt;at>` and names nobody. `picked` are user or tag ids, each replacing the first `@name` left.
 */
export function composeMentions(
  context: ConnectorContext,
  typed: string,
  picked: readonly string[],
): { text: string; entities: InboundMention[] } {
  let text = encodeTyped(typed);
  const entities: InboundMention[] = [];
  for (const id of picked) {
    const tag = context.tags.get(id);
    const name = tag?.name ?? context.users.get(id)?.name;
    if (name === undefined) throw new Error(`fake Bot Connector has no user or tag ${id} to mention`);
    const at = `<at>${encodeTyped(name)}</at>`;
    const typedName = `@${encodeTyped(name)}`;
    const index = text.indexOf(typedName);
    if (index < 0) throw new Error(`the message does not type ${typedName} to pick`);
    text = `${text.slice(0, index)}${at}${text.slice(index + typedName.length)}`;
    entities.push({
      type: 'mention',
      text: at,
      mentioned: tag === undefined ? { id, name } : { id, name, type: 'tag' },
    });
  }
  return { text, entities };
}
