import { describe, expect, it } from 'vitest';
import type { CompactCard } from '../../../src/delivery/compact-card.ts';
import {
  type MattermostCompactAttachment,
  renderCompactPost,
  TONE_COLORS,
} from '../../../src/platforms/mattermost/render-compact-post.ts';

const J = '\u2060';
const LINK = 'https://app.sekoia.io/intelligence/objects/report--5f1d';
const HOSTILE = '@all [x](http://evil) <b> @channel ~town-square ![i](http://evil/i.png) <http://evil>';

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
      { title: 'Sector', value: 'Government, Energy, Health care, Transport, Finance, Telecom' },
      { title: 'Confidence', value: '80' },
    ],
    text: 'Spear-phishing with ISO attachments.\nSee the indicators.',
    matchedRule: { id: 'r7k2', name: 'Reports' },
    ...overrides,
  };
}

function attachment(card: CompactCard): MattermostCompactAttachment {
  return renderCompactPost(card).props.attachments[0];
}

/** Every string in a JSON value, with its path. */
function strings(value: unknown, path = '$'): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`));
  return [];
}

describe('renderCompactPost', () => {
  it('renders the card as one attachment without buttons, tagged with its trigger', () => {
    const body = renderCompactPost(compact());
    expect(body.message).toBe('');
    expect(body.props.sekoia_trigger).toBe('report');
    expect(body.props.sekoia_card).toBe(1);
    expect(body.props).not.toHaveProperty('sekoia_alert_uuid');
    expect(body.props.attachments).toEqual([
      {
        // The joiner before `:` is invisible; the escaper takes any `word:x` for a possible scheme.
        fallback: `Report: APT29 phishing wave (TLP${J}:AMBER)`,
        color: '#F5A623',
        title: `APT29 phishing wave · TLP${J}:AMBER`,
        title_link: LINK,
        text: [
          'Spear\\-phishing with ISO attachments\\.',
          'See the indicators\\.',
          `[Open the report in Sekoia\\.io](${LINK})`,
        ].join('\n'),
        fields: [
          { title: 'Threat', value: 'APT29', short: true },
          {
            title: 'Sector',
            value: 'Government, Energy, Health care, Transport, Finance, Telecom',
            short: false,
          },
          { title: 'Confidence', value: '80', short: true },
        ],
        footer: 'Sekoia.io · rule r7k2',
      },
    ]);
  });

  it.each([
    ['danger', '#D24B4E'],
    ['warning', '#F5A623'],
    ['good', '#2E9E5B'],
    ['info', '#3B7DDD'],
  ] as const)('colours a %s card', (tone, color) => {
    expect(attachment(compact({ tone })).color).toBe(color);
    expect(TONE_COLORS[tone]).toBe(color);
  });

  it('shows the badge beside the title only when there is one', () => {
    const out = attachment(
      compact({ trigger: 'playbook-error', title: 'Playbook error: Enrich', badge: 'CRASHED' }),
    );
    expect(out.title).toBe('Playbook error: Enrich · CRASHED');
    expect(out.fallback).toBe('Playbook error: Playbook error: Enrich (CRASHED)');
    const plain = attachment(compact({ badge: undefined }));
    expect(plain.title).toBe('APT29 phishing wave');
    expect(plain.fallback).toBe('Report: APT29 phishing wave');
    expect(attachment(compact({ badge: '  ' })).title).toBe('APT29 phishing wave');
  });

  it('names the trigger when the title is blank', () => {
    const out = attachment(compact({ trigger: 'intake-silent', title: ' ', badge: undefined }));
    expect(out.title).toBe('Intake silent');
    expect(out.fallback).toBe('Intake silent: Intake silent');
  });

  it('keeps short facts side by side, leaves out empty ones and bounds their number', () => {
    const out = attachment(
      compact({
        facts: [
          { title: 'Intake', value: 'x'.repeat(40) },
          { title: 'Silent since', value: 'x'.repeat(41) },
          { title: 'Empty', value: ' ' },
          ...Array.from({ length: 50 }, (_, i) => ({ title: `F${i}`, value: String(i) })),
        ],
      }),
    );
    expect(out.fields.slice(0, 2).map((f) => f.short)).toEqual([true, false]);
    expect(out.fields.map((f) => f.title)).not.toContain('Empty');
    expect(out.fields).toHaveLength(10);
  });

  it('links only to http(s), and has no text when there is neither text nor link', () => {
    for (const link of ['javascript:alert(1)', 'ftp://x', 'https://user:pw@evil.example', undefined]) {
      const out = attachment(compact({ link, text: undefined }));
      expect(out.title_link).toBeUndefined();
      expect(out.text).toBe('');
    }
    const out = attachment(compact({ text: undefined }));
    expect(out.text).toBe(`[Open the report in Sekoia\\.io](${LINK})`);
  });

  it('labels the link by default when the label is blank', () => {
    expect(attachment(compact({ text: undefined, linkLabel: '' })).text).toBe(
      `[Open in Sekoia\\.io](${LINK})`,
    );
  });

  it('stays small for huge input', () => {
    const huge = '@\\'.repeat(500_000);
    const body = renderCompactPost(
      compact({
        title: huge,
        badge: huge,
        linkLabel: huge,
        text: `${huge}\n`.repeat(3),
        facts: Array.from({ length: 10_000 }, () => ({ title: huge, value: huge })),
        matchedRule: { id: huge, name: huge },
      }),
    );
    const out = body.props.attachments[0];
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(64_000);
    expect(out.fields).toHaveLength(10);
    expect(out.title.endsWith('…')).toBe(true);
    for (const field of out.fields) expect(Array.from(field.value).length).toBeLessThanOrEqual(1_000);
  });

  it('leaves no live mention, link or tag in any string of the post', () => {
    const body = renderCompactPost(
      compact({
        title: HOSTILE,
        badge: HOSTILE,
        linkLabel: HOSTILE,
        text: `${HOSTILE}\n# ${HOSTILE}`,
        facts: [{ title: HOSTILE, value: HOSTILE }],
        matchedRule: { id: HOSTILE, name: HOSTILE },
      }),
    );
    const out = body.props.attachments[0];
    const all = strings(body).filter(([path]) => path !== '$.props.attachments[0].title_link');
    expect(all.length).toBeGreaterThan(8);
    for (const [path, found] of all) {
      const value = found.replace(`](${LINK})`, '');
      // An escaped `\<http` is inert; a bare one would be an autolink.
      for (const live of [/@all/, /@channel/, /~town/, /\]\(http/, /<b>/, /(?<!\\)<http/, /http:\/\//]) {
        expect(live.test(value), `${path} holds ${live}: ${value}`).toBe(false);
      }
    }
    expect(out.text.endsWith(`](${LINK})`)).toBe(true);
    expect(out.text).toContain(`\n\\#${J} @${J}all`);
    expect(out.title.startsWith(String.raw`@${J}all \[x\]\(http${J}://evil\) \<b\> @${J}channel`)).toBe(true);
  });
});
