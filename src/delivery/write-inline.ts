/**
 * How a platform writes untrusted text on one line of its markup: escaped and bounded to `max`
 * runes. The card content modules compose their values and sentences with it, so that every piece
 * keeps its own bound and the text they add themselves (punctuation, times, names of platforms)
 * is never escaped; `(text) => text` gives plain text.
 */
export type WriteInline = (text: string, max: number) => string;
