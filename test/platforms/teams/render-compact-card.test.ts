import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import type { CompactCard } from '../../../src/delivery/compact-card.ts';
import type { AdaptiveCard, CardElement, Fact } from '../../../src/platforms/teams/adaptive-card.ts';
import { MAX_CARD_CHARS } from '../../../src/platforms/teams/render-alert-card.ts';
import { TEAMS_MAX_ACTIONS } from '../../../src/platforms/teams/render-card-actions.ts';
import { renderCompactCard, TONE_STYLES } from '../../../src/platforms/teams/render-compact-card.ts';
import { HOSTILE, strings } from './teams-card-fixtures.ts';

const J = '\u2060';
const raw = String.raw;
const LINK = 'https://app.sekoia.io/intelligence/objects/report--5f1d';

// As in validate-cards.test.ts: the UMD bundle loads without a DOM (reference §5.6, §8.5).
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** Every parse and validation event the adaptivecards library reports, with Teams' host config. */
function libraryEvents(json: object): string[] {
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig({ actions: { maxActions: TEAMS_MAX_ACTIONS } });
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) events.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) events.push(`validate: ${event.message}`);
  return events;
}

function compact(overrides: Partial<CompactCard> = {}): CompactCard {
  return {
    trigger: 'report',
    subject: 'report:5f1d',
    title: 'APT29 phishing wave',
    link: LINK,
    linkLabel: 'Open the report in Sekoia.io',
    tone: 'warning',
    badge: 'TLP:AMBER',
    facts: [
      { title: 'Threat', value: 'APT29' },
      { title: 'Confidence', value: '80' },
    ],
    text: 'Spear-phishing with ISO attachments.\nSee the indicators.',
    matchedRule: { id: 'r7k2', name: 'Reports' },
    ...overrides,
  };
}

function header(card: AdaptiveCard): Extract<CardElement, { type: 'Container' }> {
  const first = card.body[0];
  if (first?.type !== 'Container') throw new Error('the card starts with its header container');
  return first;
}

function titleOf(card: AdaptiveCard): string | undefined {
  const block = header(card).items[0];
  return block?.type === 'TextBlock' ? block.text : undefined;
}

function factsOf(card: AdaptiveCard): Fact[] {
  const set = card.body.find((element) => element.type === 'FactSet');
  return set?.type === 'FactSet' ? set.facts : [];
}

describe('renderCompactCard', () => {
  it('renders the title in a toned container, the facts, the text and the link', () => {
    expect(renderCompactCard(compact())).toEqual({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      fallbackText: `Report: APT29 phishing wave (TLP${J}:AMBER)`,
      msteams: { width: 'Full' },
      body: [
        {
          type: 'Container',
          style: 'warning',
          bleed: true,
          items: [
            {
              type: 'TextBlock',
              text: `APT29 phishing wave · TLP${J}:AMBER`,
              weight: 'Bolder',
              size: 'Medium',
              wrap: true,
            },
          ],
        },
        {
          type: 'FactSet',
          facts: [
            { title: 'Threat', value: 'APT29' },
            { title: 'Confidence', value: '80' },
          ],
        },
        {
          type: 'TextBlock',
          text: 'Spear-phishing with ISO attachments.\n\nSee the indicators.',
          wrap: true,
        },
      ],
      actions: [{ type: 'Action.OpenUrl', id: 'open', title: 'Open the report in Sekoia.io', url: LINK }],
    });
  });

  it.each([
    ['danger', 'attention'],
    ['warning', 'warning'],
    ['good', 'good'],
    ['info', 'accent'],
  ] as const)('styles a %s card %s', (tone, style) => {
    expect(header(renderCompactCard(compact({ tone }))).style).toBe(style);
    expect(TONE_STYLES[tone]).toBe(style);
  });

  it('shows the badge beside the title only when there is one, and names a card without title', () => {
    expect(titleOf(renderCompactCard(compact({ badge: 'CRASHED', title: 'Playbook error: Enrich' })))).toBe(
      'Playbook error: Enrich · CRASHED',
    );
    const plain = renderCompactCard(compact({ badge: ' ' }));
    expect(titleOf(plain)).toBe('APT29 phishing wave');
    expect(plain.fallbackText).toBe('Report: APT29 phishing wave');
    const untitled = renderCompactCard(compact({ trigger: 'rule-added', title: '', badge: undefined }));
    expect(titleOf(untitled)).toBe('Rule added');
  });

  it('leaves out empty facts, an empty fact set and a missing text, and bounds the facts', () => {
    const bare = renderCompactCard(compact({ facts: [{ title: 'Severity', value: ' ' }], text: undefined }));
    expect(bare.body.map((element) => element.type)).toEqual(['Container']);
    const many = Array.from({ length: 50 }, (_, i) => ({ title: `F${i}`, value: String(i) }));
    expect(factsOf(renderCompactCard(compact({ facts: many })))).toHaveLength(10);
  });

  it('links only to http(s), with a default label when the label is blank', () => {
    for (const link of ['javascript:alert(1)', 'ftp://x', 'https://user:pw@evil.example', undefined])
      expect(renderCompactCard(compact({ link })).actions).toEqual([]);
    expect(renderCompactCard(compact({ linkLabel: '' })).actions).toEqual([
      { type: 'Action.OpenUrl', id: 'open', title: 'Open in Sekoia.io', url: LINK },
    ]);
  });

  it('stays under the size budget for huge input', () => {
    // Backslashes and quotes grow the most once escaped and serialized.
    const huge = '\\"'.repeat(500_000);
    const out = renderCompactCard(
      compact({
        title: huge,
        badge: huge,
        linkLabel: huge,
        text: `${huge}\n`.repeat(3),
        facts: Array.from({ length: 10_000 }, () => ({ title: huge, value: huge })),
        matchedRule: { id: huge, name: huge },
      }),
    );
    expect(JSON.stringify(out).length).toBeLessThan(MAX_CARD_CHARS);
    expect(factsOf(out)).toHaveLength(10);
    expect(titleOf(out)?.endsWith('…')).toBe(true);
  });

  it('leaves no live mention, link, tag or entity in any string of the card', () => {
    const out = renderCompactCard(
      compact({
        title: HOSTILE,
        badge: HOSTILE,
        linkLabel: HOSTILE,
        text: `${HOSTILE}\n# ${HOSTILE}`,
        facts: [{ title: HOSTILE, value: HOSTILE }],
        matchedRule: { id: HOSTILE, name: HOSTILE },
      }),
    );
    const all = strings(out).filter(([path]) => path !== '$.$schema' && !/\.url$/.test(path));
    expect(all.length).toBeGreaterThan(6);
    for (const [path, value] of all) {
      for (const live of [/@all/, /\]\(http/, /<b>/, /<at>/, /<\/at>/, /&lt;/, /<http/, /http:\/\//]) {
        expect(live.test(value), `${path} holds ${live}: ${value}`).toBe(false);
      }
    }
    expect(titleOf(out)).toContain(raw`@${J}all \[x\]\(http${J}://evil`);
    expect(titleOf(out)).toContain(`<${J}at`);
    const text = out.body.at(-1);
    expect(text?.type === 'TextBlock' && text.text).toContain(`\n\n\\# @${J}all`);
  });

  it.each([
    ['report', compact()],
    ['bare', compact({ facts: [], text: undefined, link: undefined, badge: undefined })],
    ['intake back', compact({ trigger: 'intake-silent', tone: 'good', badge: 'events are back' })],
    [
      'hostile and huge',
      compact({
        title: HOSTILE.repeat(1_000),
        badge: HOSTILE,
        linkLabel: HOSTILE,
        text: HOSTILE.repeat(1_000),
        facts: Array(100).fill({ title: HOSTILE, value: HOSTILE.repeat(100) }),
      }),
    ],
  ])('%s: the adaptivecards library finds no problem', (_name, card) => {
    const out = renderCompactCard(card);
    expect(libraryEvents(out)).toEqual([]);
    expect(JSON.stringify(out).length).toBeLessThan(MAX_CARD_CHARS);
    for (const [path, text] of strings(out)) expect(/<\/?[A-Za-z!]/.test(text), path).toBe(false);
  });
});
