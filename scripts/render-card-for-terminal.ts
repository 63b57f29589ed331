/** Mattermost posts made readable in a terminal, for `npm run demo`. */
import type { UrgencyLevel } from '../src/normalize/notification.ts';
import { URGENCY_COLORS } from '../src/platforms/mattermost/render-alert-post.ts';
import { asRead } from '../test/fakes/fake-mattermost/as-read.ts';
import type { FakePost } from '../test/fakes/fake-mattermost/index.ts';

export interface TerminalAttachment {
  color?: string;
  title?: string;
  title_link?: string;
  text?: string;
  footer?: string;
  fields?: { title: string; value: string | number }[];
  actions?: { id: string; name: string; integration?: { url: string; context: Record<string, unknown> } }[];
}

const COLOUR_NAMES: Readonly<Record<UrgencyLevel | 'unknown', string>> = {
  high: 'red',
  medium: 'orange',
  low: 'blue',
  unknown: 'grey',
};

const EMOJI: Readonly<Record<string, string>> = {
  white_check_mark: '✔',
  warning: '⚠',
  information_source: 'ℹ',
};

/**
 * Markdown as a person would read it: links as "label <url>", emoji shortcodes as symbols, and the
 * bot's escapes (a backslash before punctuation, U+2060 word joiners) removed.
 */
export function readable(markdown: string): string {
  return asRead(
    markdown
      .replace(/(?<!\\)\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 <$2>')
      .replace(/:([a-z_]+):/g, (shortcode, name: string) => EMOJI[name] ?? shortcode),
  );
}

/** The post's first message attachment (a card has exactly one). */
export function attachmentOf(post: FakePost | undefined): TerminalAttachment {
  const attachments = post?.props.attachments;
  const [first] = Array.isArray(attachments) ? attachments : [];
  return typeof first === 'object' && first !== null ? (first as TerminalAttachment) : {};
}

export function fieldOf(post: FakePost | undefined, title: string): string | undefined {
  const value = attachmentOf(post).fields?.find((field) => field.title === title)?.value;
  return value === undefined ? undefined : readable(String(value));
}

export function buttonsOf(post: FakePost | undefined): string[] {
  return (attachmentOf(post).actions ?? []).map((action) => action.name);
}

/** `red/high` for the bot's urgency colours, the hex code otherwise. */
export function colourName(hex: string | undefined): string {
  if (hex === undefined) return 'none';
  const levels = Object.keys(COLOUR_NAMES) as (UrgencyLevel | 'unknown')[];
  const level = levels.find((key) => URGENCY_COLORS[key].toLowerCase() === hex.toLowerCase());
  return level === undefined ? hex : `${COLOUR_NAMES[level]}/${level}`;
}

/** What a person sees of a card: colour, title, link, text, each field, buttons, footer. */
export function cardLines(post: FakePost): string[] {
  const card = attachmentOf(post);
  return [
    `colour: ${colourName(card.color)}`,
    `title: ${readable(card.title ?? '')}`,
    ...(card.title_link === undefined ? [] : [`link: ${card.title_link}`]),
    ...readable(card.text ?? '')
      .split('\n')
      .filter((line) => line !== ''),
    ...(card.fields ?? []).map((field) => `${field.title}: ${readable(String(field.value))}`),
    `buttons: ${buttonsOf(post)
      .map((name) => `[${name}]`)
      .join(' ')}`,
    ...(card.footer === undefined ? [] : [`footer: ${readable(card.footer)}`]),
  ];
}

export function renderCard(post: FakePost): string[] {
  return box(`card · post ${post.id}`, cardLines(post));
}

/** A message's lines, readable, with ``` fences dropped and the code inside them indented. */
export function messageLines(markdown: string): string[] {
  let inCode = false;
  return readable(markdown)
    .split('\n')
    .flatMap((line) => {
      if (line.trim() === '```') {
        inCode = !inCode;
        return [];
      }
      return [inCode ? `    ${line}` : line];
    });
}

/** A plain post (announcement, thread reply) as boxed lines. */
export function renderPost(post: FakePost, label: string): string[] {
  return box(`${label} · post ${post.id}`, messageLines(post.message));
}

export function box(title: string, lines: readonly string[]): string[] {
  return [`  ┌─ ${title}`, ...lines.map((line) => `  │ ${line}`), '  └─'];
}
