import type { Reply } from '../../commands/command-context.ts';
import { drawBars } from '../shared/draw-bars.ts';
import { takeWithin } from '../shared/take-within.ts';
import { escapeCodeLine, escapeInline } from './escape-markdown.ts';

/** Under the post limit of 16383 runes (reference §3.2), with room for the markup we add. */
const MAX_MESSAGE_RUNES = 15_000;
const MAX_LINE_RUNES = 1_000;

const PREFIX: Readonly<Record<Reply['kind'], string>> = {
  success: ':white_check_mark: ',
  error: ':warning: ',
  info: '',
};

/** A command's answer to the person who typed it (ephemeral): text, chart, bullets, then code lines. */
export function renderReply(reply: Reply): string {
  return render(reply, PREFIX[reply.kind]);
}

/**
 * The same answer posted by the bot for the whole channel (rule changes). It is a stored post that
 * everyone reads later, so it always carries an icon saying what it is.
 */
export function renderAnnouncement(reply: Reply): string {
  return render(reply, reply.kind === 'info' ? ':information_source: ' : PREFIX[reply.kind]);
}

function render(reply: Reply, prefix: string): string {
  const head = `${prefix}${escapeInline(reply.text, MAX_LINE_RUNES * 2)}`;
  const chart = fenced(chartLines(reply));
  let budget = MAX_MESSAGE_RUNES - runes(head) - chart.reduce((sum, line) => sum + runes(line) + 1, 0);
  const bullet = (line: string) => `- ${escapeInline(line, MAX_LINE_RUNES)}`;
  const bullets = takeLines(reply.lines ?? [], bullet, budget);
  budget -= bullets.reduce((sum, line) => sum + runes(line) + 1, 0);
  const code = takeLines(reply.code ?? [], (line) => escapeCodeLine(line, MAX_LINE_RUNES), budget);
  return [head, ...chart, ...bullets, ...fenced(code)].join('\n');
}

/** The chart as monospace lines: `Mon 2026-12-07 ████████ 12`, the bars in one column. */
function chartLines(reply: Reply): string[] {
  const bars = drawBars(reply.chart ?? []);
  const width = Math.max(0, ...bars.map((bar) => runes(bar.label)));
  // Padded after escaping: the escape makes one line of its text, which collapses runs of spaces.
  return bars.map(({ label, bar, value }) => {
    const pad = ' '.repeat(width - runes(label));
    return `${escapeCodeLine(label, MAX_LINE_RUNES)}${pad} ${bar}${bar === '' ? '' : ' '}${value}`;
  });
}

function fenced(lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : ['```', ...lines, '```'];
}

/** As many rendered lines as fit in `budget` runes (keeping room for the fence), then a "more" line. */
function takeLines(lines: readonly string[], render: (line: string) => string, budget: number): string[] {
  return takeWithin(lines, { render, size: (line) => runes(line) + 1, budget: budget - 100 }).taken;
}

function runes(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
