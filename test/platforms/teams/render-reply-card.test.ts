import { describe, expect, it } from 'vitest';
import type { CardElement } from '../../../src/platforms/teams/adaptive-card.ts';
import { MAX_CARD_CHARS } from '../../../src/platforms/teams/render-alert-card.ts';
import {
  renderErrorCard,
  renderReplyCard,
  renderReplyText,
} from '../../../src/platforms/teams/render-reply-card.ts';
import {
  renderCommentText,
  renderMuteText,
  renderStatusChangeText,
} from '../../../src/platforms/teams/render-thread-text.ts';
import { liveMarkup } from './teams-card-fixtures.ts';

const J = '\u2060';
const raw = String.raw;

const RULE_CREATED = {
  kind: 'success',
  text: 'Rule r7k2 created: alert-raised urgency>=high',
  lines: ['muted until 2026-03-02 10:00 UTC', 'matches so far: 3'],
  code: ['mute r7k2 2h', 'unsubscribe r7k2'],
} as const;

function texts(body: readonly CardElement[]): string[] {
  return body.flatMap((element) => (element.type === 'TextBlock' ? [element.text] : []));
}

describe('renderReplyCard', () => {
  it('renders a bold first line, a bulleted list and monospace command lines', () => {
    const card = renderReplyCard({
      ...RULE_CREATED,
      lines: [...RULE_CREATED.lines],
      code: [...RULE_CREATED.code],
    });
    expect(card).toEqual({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      fallbackText: '✅ Rule r7k2 created: alert-raised urgency>=high',
      msteams: { width: 'Full' },
      body: [
        {
          type: 'TextBlock',
          text: '✅ Rule r7k2 created: alert-raised urgency>=high',
          weight: 'Bolder',
          wrap: true,
        },
        {
          type: 'TextBlock',
          text: `- muted until 2026-03-02 10${J}:00 UTC\n- matches so far: 3`,
          wrap: true,
        },
        { type: 'TextBlock', text: 'mute r7k2 2h', fontType: 'Monospace', spacing: 'None', wrap: true },
        { type: 'TextBlock', text: 'unsubscribe r7k2', fontType: 'Monospace', spacing: 'None', wrap: true },
      ],
      actions: [],
    });
  });

  it.each([
    ['info', 'ℹ️ No rules.'],
    ['error', '⚠️ No rules.'],
    ['success', '✅ No rules.'],
  ] as const)('marks a %s reply', (kind, expected) => {
    expect(texts(renderReplyCard({ kind, text: 'No rules.' }).body)).toEqual([expected]);
  });

  it('escapes user input everywhere, command lines included', () => {
    const card = renderReplyCard({
      kind: 'error',
      text: 'unknown key "@all [x](http://evil)"',
      lines: ['<at>Ana</at>\n# heading'],
      code: ['subscribe *x* <b>'],
    });
    expect(texts(card.body)).toEqual([
      raw`⚠️ unknown key "@${J}all \[x\]\(http${J}://evil)"`,
      // The `#` follows the line's own `- ` marker, so it starts no heading.
      `- <${J}at>Ana<${J}/at> # heading`,
      raw`subscribe \*x\* <${J}b>`,
    ]);
    for (const text of texts(card.body)) expect(liveMarkup(text), text).toEqual([]);
    expect(card.fallbackText).toBe(`⚠️ unknown key "@${J}all [x]${J}(http${J}://evil)"`);
  });

  it('stays under the size budget, saying how much was left out', () => {
    const long = '\\'.repeat(5_000);
    const card = renderReplyCard({
      kind: 'info',
      text: long,
      lines: Array.from({ length: 10_000 }, () => long),
      code: Array.from({ length: 10_000 }, () => long),
    });
    expect(JSON.stringify(card).length).toBeLessThan(MAX_CARD_CHARS);
    const all = texts(card.body);
    expect(all[1]).toMatch(/\n- … and \d+ more$/);
    expect(all.at(-1)).toBe('… and 10000 more');
  });
});

describe('renderReplyText', () => {
  it('renders the same answer as markdown paragraphs', () => {
    expect(
      renderReplyText({ ...RULE_CREATED, lines: [...RULE_CREATED.lines], code: [...RULE_CREATED.code] }),
    ).toBe(
      [
        '✅ Rule r7k2 created: alert-raised urgency>=high',
        `- muted until 2026-03-02 10${J}:00 UTC\n- matches so far: 3`,
        'mute r7k2 2h',
        'unsubscribe r7k2',
      ].join('\n\n'),
    );
    expect(renderReplyText({ kind: 'info', text: '@all' })).toBe(`ℹ️ @${J}all`);
  });
});

describe('renderErrorCard', () => {
  it('shows the escaped reason in an attention container', () => {
    const card = renderErrorCard('Sekoia.io refused: <at>x</at>');
    expect(card.body).toEqual([
      {
        type: 'Container',
        style: 'attention',
        bleed: true,
        items: [
          {
            type: 'TextBlock',
            text: `⚠️ Sekoia.io refused: <${J}at>x<${J}/at>`,
            color: 'Attention',
            wrap: true,
          },
        ],
      },
    ]);
    expect(card.actions).toEqual([]);
    expect(card.version).toBe('1.5');
  });
});

describe('renderStatusChangeText', () => {
  it.each([
    [
      {
        shortId: 'ALT-1',
        from: 'Pending',
        to: 'Acknowledged',
        by: { name: 'Ana Analyst', from: 'Microsoft Teams' },
      },
      'Status of ALT-1: Pending → Acknowledged by Ana Analyst (Microsoft Teams)',
    ],
    [
      { shortId: undefined, from: 'Ongoing', to: 'Closed', by: { name: 'bob', from: 'Mattermost' } },
      'Status: Ongoing → Closed by bob (Mattermost)',
    ],
    [{ shortId: undefined, from: 'Closed', to: 'Closed' }, 'Status: Closed'],
    [{ shortId: undefined, from: 'Pending', to: undefined }, 'Status changed'],
    [
      {
        shortId: undefined,
        from: '@all',
        to: '[x](http://evil)',
        by: { name: '<at>Ana</at>', from: 'Microsoft Teams' },
      },
      raw`Status: @${J}all → \[x\]\(http${J}://evil) by <${J}at>Ana<${J}/at> (Microsoft Teams)`,
    ],
  ] as const)('renders %j', (note, expected) => {
    expect(renderStatusChangeText(note)).toBe(expected);
  });
});

describe('renderCommentText', () => {
  it('names the author, then the escaped comment line by line', () => {
    expect(renderCommentText({ by: 'Ana_Analyst', text: 'False positive.\n\n> see @all\n# done' })).toBe(
      ['Ana\\_Analyst commented in Sekoia.io:', 'False positive.', raw`\> see @${J}all`, raw`\# done`].join(
        '\n\n',
      ),
    );
    expect(renderCommentText({ by: 'Ana', text: ' \n ' })).toBe('Ana commented in Sekoia.io:');
  });
});

describe('renderMuteText', () => {
  it('says who muted which rule for how long', () => {
    expect(renderMuteText({ by: 'Ana Analyst', ruleId: 'r7k2' })).toBe(
      'Ana Analyst muted rule r7k2 for 1h from an alert card',
    );
    expect(renderMuteText({ by: '@all <at>x</at>', ruleId: 'r7k2' })).toBe(
      `@${J}all <${J}at>x<${J}/at> muted rule r7k2 for 1h from an alert card`,
    );
  });
});
