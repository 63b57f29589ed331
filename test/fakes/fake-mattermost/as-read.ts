/**
 * Markdown text as the person reads it in the client: without the backslashes that make punctuation
 * literal, nor the U+2060 word joiners that keep an `@name` from pinging (both render as nothing).
 */
export function asRead(markdown: string): string {
  return markdown.replace(/\u2060/g, '').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
