import type { Reply } from '../../commands/command-context.ts';
import { drawBars } from '../shared/draw-bars.ts';
import { takeWithin } from '../shared/take-within.ts';
import type { AdaptiveCard, CardElement, TextBlock } from './adaptive-card.ts';
import { escapeInline, plainText } from './escape-teams-markdown.ts';
import { composeCard, MAX_CARD_CHARS } from './render-alert-card.ts';

const MAX_HEAD_RUNES = 2_000;
/**
 * Serialized characters the lines and code of one answer may take: what MAX_CARD_CHARS leaves once
 * the head and the frame are counted (a rune of the head is at most 4 characters: a backslash is
 * escaped to two, and each of those is escaped again in JSON).
 */
const BUDGET_CHARS = MAX_CARD_CHARS - 4 * MAX_HEAD_RUNES - 4_000;
const MAX_LINE_RUNES = 1_000;

const PREFIX: Readonly<Record<Reply['kind'], string>> = {
  success: '✅ ',
  error: '⚠️ ',
  info: 'ℹ️ ',
};

/**
 * A command's answer as a compact card: the first line bold, then the lines as a bulleted list,
 * then the command lines in monospace, one TextBlock each (a single line break is no break outside
 * lists in Teams, reference §5.2). Long answers end with "… and N more".
 */
export function renderReplyCard(reply: Reply): AdaptiveCard {
  const head = `${PREFIX[reply.kind]}${escapeInline(reply.text, MAX_HEAD_RUNES)}`;
  const body: CardElement[] = [{ type: 'TextBlock', text: head, weight: 'Bolder', wrap: true }];
  const bars = drawBars(reply.chart ?? []);
  // A chart-like FactSet: the day as the title, the bar and the count as the value.
  if (bars.length > 0) {
    const facts = bars.map(({ label, bar, value }) => ({
      title: escapeInline(label, MAX_LINE_RUNES),
      value: `${bar} ${value}`.trim(),
    }));
    body.push({ type: 'FactSet', facts });
  }
  const { lines, code } = bounded(reply);
  if (lines.length > 0) body.push({ type: 'TextBlock', text: lines.join('\n'), wrap: true });
  body.push(
    ...code.map(
      (text): TextBlock => ({ type: 'TextBlock', text, fontType: 'Monospace', spacing: 'None', wrap: true }),
    ),
  );
  return composeCard(plainText(`${PREFIX[reply.kind]}${reply.text}`, 280), body);
}

/** The same answer as message markdown: paragraphs, a bulleted list, then the command lines. */
export function renderReplyText(reply: Reply): string {
  const head = `${PREFIX[reply.kind]}${escapeInline(reply.text, MAX_HEAD_RUNES)}`;
  const { lines, code } = bounded(reply);
  const chart = drawBars(reply.chart ?? []).map(
    ({ label, bar, value }) => `${escapeInline(label, MAX_LINE_RUNES)}: ${bar} ${value}`,
  );
  const parts = [head, chart.join('\n\n'), lines.join('\n'), ...code].filter((part) => part !== '');
  return parts.join('\n\n');
}

/** An action or invoke that failed, for the clicker: the reason in an attention container. */
export function renderErrorCard(message: string): AdaptiveCard {
  const text = `⚠️ ${escapeInline(message, MAX_HEAD_RUNES)}`;
  return composeCard(plainText(`⚠️ ${message}`, 280), [
    {
      type: 'Container',
      style: 'attention',
      bleed: true,
      items: [{ type: 'TextBlock', text, color: 'Attention', wrap: true }],
    },
  ]);
}

/** Escaped bullets and code lines, as many as fit in the budget, each list then "… and N more". */
function bounded(reply: Reply): { lines: string[]; code: string[] } {
  // Measured as serialized, since escapes and quotes grow in JSON.
  const size = (rendered: string) => JSON.stringify(rendered).length + 100;
  const bullet = (line: string) => `- ${escapeInline(line, MAX_LINE_RUNES)}`;
  const lines = takeWithin(reply.lines ?? [], { render: bullet, size, budget: BUDGET_CHARS });
  const render = (line: string) => escapeInline(line, MAX_LINE_RUNES);
  const code = takeWithin(reply.code ?? [], { render, size, budget: lines.left });
  return { lines: lines.taken, code: code.taken };
}
