import { describe, expect, it } from 'vitest';
import { renderAnnouncement, renderReply } from '../../../src/platforms/mattermost/render-reply.ts';
import {
  renderCommentNote,
  renderStatusChange,
} from '../../../src/platforms/mattermost/render-thread-reply.ts';

const J = '\u2060';
const raw = String.raw;

describe('renderReply', () => {
  it('draws a chart as aligned monospace bars after the first line, scaled to the largest', () => {
    const out = renderReply({
      kind: 'info',
      text: 'Preview: 5 cards',
      chart: [
        { label: 'Sun 2026-12-06', value: 4 },
        { label: 'Mon 2026-12-07', value: 1 },
        { label: 'Tue', value: 0 },
      ],
      lines: ['Busiest day: Sun 2026-12-06 (4)'],
    });
    expect(out).toBe(
      [
        'Preview: 5 cards',
        '```',
        `Sun 2026-12-06 ${'█'.repeat(20)} 4`,
        `Mon 2026-12-07 ${'█'.repeat(5)} 1`,
        `Tue${' '.repeat(12)}0`,
        '```',
        '- Busiest day: Sun 2026\\-12\\-06 \\(4\\)',
      ].join('\n'),
    );
  });

  it('renders text, bullets and one code block', () => {
    const out = renderReply({
      kind: 'success',
      text: 'Rule r7k2 created: alert-raised urgency>=high',
      lines: ['muted until 2026-03-02 10:00 UTC', 'matches so far: 3'],
      code: ['mute r7k2 2h', 'unsubscribe r7k2'],
    });
    expect(out).toBe(
      [
        ':white_check_mark: Rule r7k2 created: alert\\-raised urgency\\>\\=high',
        `- muted until 2026\\-03\\-02 10${J}:00 UTC`,
        '- matches so far: 3',
        '```',
        'mute r7k2 2h',
        'unsubscribe r7k2',
        '```',
      ].join('\n'),
    );
  });

  it.each([
    ['info', 'No rules.'],
    ['error', ':warning: No rules.'],
    ['success', ':white_check_mark: No rules.'],
  ] as const)('prefixes a %s reply', (kind, expected) => {
    expect(renderReply({ kind, text: 'No rules.' })).toBe(expected.replace('No rules.', 'No rules\\.'));
  });

  it('escapes user input in the text and the bullets', () => {
    const out = renderReply({
      kind: 'error',
      text: 'unknown key "@all [x](http://evil)"',
      lines: ['<b>@here</b>\n# heading'],
    });
    expect(out).toBe(
      [
        raw`:warning: unknown key "@${J}all \[x\]\(http${J}://evil\)"`,
        raw`- \<b\>@${J}here\</b\> \#${J} heading`,
      ].join('\n'),
    );
  });

  it('keeps a code line with backticks from closing the block', () => {
    const out = renderReply({ kind: 'info', text: 'Usage:', code: ['subscribe ```', '```', '~~~ @channel'] });
    const lines = out.split('\n');
    expect(lines.filter((line) => /^\s*`{3,}/.test(line))).toEqual(['```', '```']);
    expect(lines.at(0)).toBe('Usage:');
    expect(lines.at(1)).toBe('```');
    expect(lines.at(-1)).toBe('```');
    expect(lines.slice(2, -1)).toEqual([`subscribe \`${J}\`${J}\``, `\`${J}\`${J}\``, `~~~ @${J}channel`]);
  });

  it('stays under the post limit of 16383 runes', () => {
    const long = 'y'.repeat(5_000);
    const out = renderReply({
      kind: 'info',
      text: long,
      lines: Array.from({ length: 10_000 }, () => long),
      code: Array.from({ length: 10_000 }, () => long),
    });
    expect(Array.from(out).length).toBeLessThan(16_383);
    expect(out).toMatch(/\n- … and \d+ more\n```\n… and 10000 more\n```$/);
  });
});

describe('renderAnnouncement', () => {
  it('marks the post as information for the channel', () => {
    expect(renderAnnouncement({ kind: 'success', text: '@alice created rule r7k2' })).toBe(
      `:white_check_mark: @${J}alice created rule r7k2`,
    );
    expect(renderAnnouncement({ kind: 'info', text: '@alice muted rule r7k2 for 1 hour' })).toBe(
      `:information_source: @${J}alice muted rule r7k2 for 1 hour`,
    );
  });
});

describe('renderStatusChange', () => {
  it.each([
    [
      {
        shortId: undefined,
        from: 'Pending',
        to: 'Acknowledged',
        by: { name: 'alice', from: 'Mattermost' },
      },
      'Status: Pending → Acknowledged by alice (Mattermost)',
    ],
    [
      { shortId: 'ALT-1', from: 'Ongoing', to: 'Closed', by: { name: 'bob', from: 'Microsoft Teams' } },
      'Status of ALT\\-1: Ongoing → Closed by bob (Microsoft Teams)',
    ],
    [{ shortId: undefined, from: undefined, to: 'Rejected' }, 'Status: Rejected'],
    [{ shortId: undefined, from: 'Pending', to: undefined }, 'Status changed'],
    [
      {
        shortId: undefined,
        from: '@all',
        to: '[x](http://evil)',
        by: { name: '@here', from: 'Mattermost' },
      },
      raw`Status: @${J}all → \[x\]\(http${J}://evil\) by @${J}here (Mattermost)`,
    ],
  ] as const)('renders %j', (note, expected) => {
    expect(renderStatusChange(note)).toBe(expected);
  });
});

describe('renderCommentNote', () => {
  it('quotes the escaped comment line by line', () => {
    expect(renderCommentNote({ by: 'alice', text: 'False positive.\n\n> see @all\n# done' })).toBe(
      [
        'alice commented in Sekoia.io:',
        '> False positive\\.',
        '>',
        `> \\> see @${J}all`,
        `> \\#${J} done`,
      ].join('\n'),
    );
  });
});
