import { describe, expect, it } from 'vitest';
import type { CardActionKey } from '../../../src/actions/action-table.ts';
import type { AlertCard } from '../../../src/delivery/alert-card.ts';
import {
  type MattermostAttachment,
  renderAlertPost,
  URGENCY_COLORS,
} from '../../../src/platforms/mattermost/render-alert-post.ts';
import { namedAsset } from '../../fixtures/alert-card.ts';

const J = '\u2060';
const ACTION_URL = 'https://bot.example.com/mattermost/actions';
const HOSTILE = '@all [x](http://evil) <b> @channel ~town-square ![i](http://evil/i.png) <http://evil>';

function card(overrides: Partial<AlertCard> = {}): AlertCard {
  return {
    alertUuid: '0f6c2a8e-7d1b-4b7e-9a53-3c1f8d2e6b90',
    shortId: 'ALT-4821',
    title: 'Suspicious PowerShell',
    link: 'https://app.sekoia.io/operations/alerts/ALT-4821',
    urgency: 82,
    urgencyLevel: 'high',
    status: 'Pending',
    entity: 'Lyon HQ',
    rule: 'Encoded command',
    alertType: 'malicious-code / trojan',
    assets: [namedAsset('WS-114', 80), namedAsset('srv01')],
    occurrences: 3,
    firstSeenAt: '2026-03-02T08:00:12.345Z',
    lastSeenAt: '2026-03-02T09:15:00Z',
    mentions: [],
    matchedRule: { id: 'r7k2', name: 'Critical hosts' },
    workflowActions: ['acknowledge', 'validate', 'reject'],
    enriched: true,
    lastActivity: undefined,
    ...overrides,
  };
}

function attachment(input: AlertCard, actions: readonly CardActionKey[] = []): MattermostAttachment {
  const body = renderAlertPost({
    card: input,
    actionUrl: ACTION_URL,
    actions: actions.map((key) => ({ key, context: { a: key } })),
  });
  return body.props.attachments[0];
}

/** Every string in a JSON value, with its path. */
function strings(value: unknown, path = '$'): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`));
  return [];
}

describe('renderAlertPost', () => {
  it("puts the rule's mentions, and only them, in the message", () => {
    const body = renderAlertPost({
      card: card({
        title: HOSTILE,
        entity: HOSTILE,
        mentions: [{ name: 'oncall' }, { name: 'here' }, { name: 'Alice Martin', id: '29:alice' }],
      }),
      actionUrl: ACTION_URL,
      actions: [],
    });
    expect(body.message).toBe('@oncall @here');
    expect(JSON.stringify(body.props)).not.toMatch(/@all|@channel/);
  });

  it('renders the card as one attachment with its fields', () => {
    const body = renderAlertPost({ card: card(), actionUrl: ACTION_URL, actions: [] });
    expect(body.message).toBe('');
    expect(body.props.sekoia_alert_uuid).toBe('0f6c2a8e-7d1b-4b7e-9a53-3c1f8d2e6b90');
    expect(body.props.sekoia_card).toBe(1);
    expect(body.props.attachments).toEqual([
      {
        fallback: '[HIGH 82] ALT-4821 Suspicious PowerShell',
        color: '#D24B4E',
        title: 'ALT\\-4821 · Suspicious PowerShell',
        title_link: 'https://app.sekoia.io/operations/alerts/ALT-4821',
        text: '[Open in Sekoia\\.io](https://app.sekoia.io/operations/alerts/ALT-4821)',
        fields: [
          { title: 'Urgency', value: '82 (high)', short: true },
          { title: 'Status', value: 'Pending', short: true },
          { title: 'Entity', value: 'Lyon HQ', short: true },
          { title: 'Rule', value: 'Encoded command', short: true },
          { title: 'Type', value: 'malicious\\-code / trojan', short: true },
          { title: 'Occurrences', value: '3', short: true },
          { title: 'First seen', value: '2026-03-02 08:00 UTC', short: true },
          { title: 'Last seen', value: '2026-03-02 09:15 UTC', short: true },
          { title: 'Assets', value: 'WS\\-114 (criticality 80), srv01', short: false },
          { title: 'Matched rule', value: 'r7k2 · Critical hosts', short: false },
        ],
        footer: 'Sekoia.io · rule r7k2',
        actions: [],
      },
    ]);
  });

  it.each([
    ['high', 90, '#D24B4E', '[HIGH 90]', '90 (high)'],
    ['medium', 60, '#F5A623', '[MEDIUM 60]', '60 (medium)'],
    ['low', 10, '#3B7DDD', '[LOW 10]', '10 (low)'],
    [undefined, undefined, '#8E8E8E', '[ALERT]', undefined],
  ] as const)('colours a %s urgency', (level, value, color, tag, field) => {
    const out = attachment(card({ urgencyLevel: level, urgency: value }));
    expect(out.color).toBe(color);
    expect(URGENCY_COLORS[level ?? 'unknown']).toBe(color);
    expect(out.fallback).toBe(`${tag} ALT-4821 Suspicious PowerShell`);
    expect(out.fields.find((f) => f.title === 'Urgency')?.value).toBe(field);
  });

  it('has one button per given action, in order, with valid ids and the signed context', () => {
    const out = attachment(card(), ['validate', 'acknowledge', 'reject', 'close', 'comment', 'mute']);
    expect(out.actions.map(({ id, name, style }) => [id, name, style])).toEqual([
      ['validate', 'Validate', 'success'],
      ['acknowledge', 'Acknowledge', 'primary'],
      ['reject', 'Reject', 'danger'],
      ['close', 'Close', 'danger'],
      ['comment', 'Comment', 'default'],
      ['mute1h', 'Mute rule 1h', 'default'],
    ]);
    for (const action of out.actions) {
      expect(action.id).toMatch(/^[A-Za-z0-9]+$/);
      expect(action.type).toBe('button');
      expect(action.integration.url).toBe(ACTION_URL);
    }
    expect(out.actions[5]?.integration.context).toEqual({ a: 'mute' });
  });

  it('shows no button the caller did not give, and each id once', () => {
    expect(attachment(card({ workflowActions: ['acknowledge'] }), []).actions).toEqual([]);
    expect(attachment(card(), ['comment', 'comment']).actions.map((a) => a.id)).toEqual(['comment']);
  });

  it('says when the card was built from the WebHook alone, and who acted last', () => {
    const out = attachment(
      card({
        enriched: false,
        lastActivity: {
          verb: 'Acknowledged',
          by: 'alice_b',
          from: 'Mattermost',
          at: Date.UTC(2026, 2, 2, 8, 5),
        },
      }),
    );
    expect(out.text).toBe(
      [
        '_Details could not be read from Sekoia.io yet; this card will be completed._',
        'Acknowledged by alice\\_b from Mattermost at 2026-03-02 08:05 UTC',
        '[Open in Sekoia\\.io](https://app.sekoia.io/operations/alerts/ALT-4821)',
      ].join('\n'),
    );
  });

  it('links only to http(s) and leaves out what is unknown', () => {
    const out = attachment(
      card({
        link: 'javascript:alert(1)',
        shortId: undefined,
        urgency: undefined,
        urgencyLevel: undefined,
        status: undefined,
        assets: [],
        matchedRule: { id: 'r7k2', name: undefined },
      }),
    );
    expect(out.title_link).toBeUndefined();
    expect(out.title).toBe('Suspicious PowerShell');
    expect(out.text).toBe('');
    expect(out.fields.map((f) => f.title)).toEqual([
      'Entity',
      'Rule',
      'Type',
      'Occurrences',
      'First seen',
      'Last seen',
      'Matched rule',
    ]);
    expect(out.fields.at(-1)?.value).toBe('r7k2');
  });

  it('shows a date it cannot read as escaped text', () => {
    const out = attachment(card({ firstSeenAt: 'yesterday <b>' }));
    expect(out.fields.find((f) => f.title === 'First seen')?.value).toBe('yesterday \\<b\\>');
  });

  it('stays small for a huge alert', () => {
    const huge = 'x'.repeat(1_000_000);
    const assets = Array.from({ length: 10_000 }, (_, i) => namedAsset(`host-${i}-${'a'.repeat(100)}`));
    const body = renderAlertPost({
      card: card({
        title: huge,
        entity: huge,
        rule: huge,
        alertType: huge,
        status: huge,
        shortId: huge,
        assets,
        matchedRule: { id: 'r7k2', name: huge },
      }),
      actionUrl: ACTION_URL,
      actions: (['acknowledge', 'validate', 'reject', 'comment', 'mute'] as const).map((key) => ({
        key,
        context: { a: key, sig: 'x'.repeat(64) },
      })),
    });
    const out = body.props.attachments[0];
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(20_000);
    expect(Array.from(out.title).length).toBeLessThanOrEqual(250 + 43);
    expect(out.fields.find((f) => f.title === 'Assets')?.value).toMatch(/^host\\-0\\-a+…, .* \+9990 more$/);
    expect(out.fields.find((f) => f.title === 'Assets')?.value.split(', ')).toHaveLength(10);
    for (const field of out.fields) expect(Array.from(field.value).length).toBeLessThanOrEqual(1_000);
  });

  it('leaves no live mention, link or tag in any string of the post', () => {
    const body = renderAlertPost({
      card: card({
        title: HOSTILE,
        shortId: HOSTILE,
        status: HOSTILE,
        entity: HOSTILE,
        rule: HOSTILE,
        alertType: HOSTILE,
        assets: [namedAsset(HOSTILE), { uuid: HOSTILE, name: undefined, criticality: 1 }],
        firstSeenAt: HOSTILE,
        matchedRule: { id: 'r7k2', name: HOSTILE },
        enriched: false,
        lastActivity: { verb: 'Acknowledged', by: HOSTILE, from: 'Microsoft Teams', at: 0 },
      }),
      actionUrl: ACTION_URL,
      actions: [{ key: 'acknowledge', context: { a: 'acknowledge' } }],
    });
    const all = strings(body);
    expect(all.length).toBeGreaterThan(20);
    const ours = '[Open in Sekoia\\.io](https://app.sekoia.io/operations/alerts/ALT-4821)';
    expect(body.props.attachments[0].text.endsWith(`\n${ours}`)).toBe(true);
    for (const [path, found] of all) {
      const value = found.replace(ours, '');
      // An escaped `\<http` is inert; a bare one would be an autolink.
      for (const live of [/@all/, /@channel/, /~town/, /\]\(http/, /<b>/, /(?<!\\)<http/, /http:\/\//]) {
        expect(live.test(value), `${path} holds ${live}: ${value}`).toBe(false);
      }
    }
    const title = body.props.attachments[0].title;
    expect(
      title.endsWith(
        String.raw`@${J}all \[x\]\(http${J}://evil\) \<b\> @${J}channel \~${J}town\-square \!\[i\]\(http${J}://evil/i\.png\) \<http${J}://evil\>`,
      ),
    ).toBe(true);
  });
});
