import type { Mention } from '../../rules/rule.ts';
import { boundLine } from '../shared/bound-line.ts';
import type { MentionEntity } from './adaptive-card.ts';
import { escapeInline } from './escape-teams-markdown.ts';

/** A display name is shown in the mention; bounded like the other names of a card. */
const MAX_LABEL_RUNES = 64;
const MAX_NAME_RUNES = 256;

export interface RenderedMentions {
  /** `<at>Alice Martin</at> <at>SOC Oncall</at>`: to put in a TextBlock or a message's text; '' for none. */
  text: string;
  /** One per `<at>` of `text`: a card's `msteams.entities`, or a message's `entities`. */
  entities: MentionEntity[];
}

/**
 * The rule's `--notify` mentions as Teams pings them: each `<at>label</at>` in the text has an
 * entity whose `text` is exactly that `<at>…</at>`, with the id that pings, as Microsoft documents
 * for cards and messages (cards-format, "Mention support within Adaptive Cards";
 * channel-and-group-conversations, "Add mentions to your messages": an entity whose text is not in
 * the message is ignored). The label is the display name escaped like any other text, so a name
 * cannot close the `<at>` or add markup; two people of one name get distinct labels, so that each
 * entity matches its own `<at>`. A mention without an id (a name typed on another platform) cannot
 * ping in Teams and is left out.
 */
export function renderMentions(mentions: readonly Mention[]): RenderedMentions {
  const tags: string[] = [];
  const entities: MentionEntity[] = [];
  for (const mention of mentions) {
    if (mention.id === undefined) continue;
    const label = uniqueLabel(escapeInline(mention.name, MAX_LABEL_RUNES), tags);
    const text = `<at>${label}</at>`;
    tags.push(text);
    const name = boundLine(mention.name, MAX_NAME_RUNES);
    entities.push({
      type: 'mention',
      text,
      mentioned: mention.group === true ? { id: mention.id, name, type: 'tag' } : { id: mention.id, name },
    });
  }
  return { text: tags.join(' '), entities };
}

function uniqueLabel(label: string, taken: readonly string[]): string {
  let candidate = label;
  for (let n = 2; taken.includes(`<at>${candidate}</at>`); n++) candidate = `${label} (${n})`;
  return candidate;
}

/** A message activity (a thread reply) that pings `mentions` ahead of its markdown `text`. */
export interface MentionMessage {
  type: 'message';
  text: string;
  textFormat: 'markdown';
  entities?: MentionEntity[];
}

/**
 * `text` (already escaped, render-thread-text.ts) as a thread reply that pings the mentions first,
 * their entities on the activity (channel-and-group-conversations, "Add mentions to your
 * messages"); the plain reply when there is nobody to ping.
 */
export function renderMentionMessage(text: string, mentions: readonly Mention[]): MentionMessage {
  const rendered = renderMentions(mentions);
  if (rendered.entities.length === 0) return { type: 'message', text, textFormat: 'markdown' };
  return {
    type: 'message',
    text: `${rendered.text} ${text}`,
    textFormat: 'markdown',
    entities: rendered.entities,
  };
}
