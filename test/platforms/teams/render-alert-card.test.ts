import { describe, expect, it } from 'vitest';
import type { CardActionKey } from '../../../src/actions/action-table.ts';
import type { AlertCard } from '../../../src/delivery/alert-card.ts';
import type {
  AdaptiveCard,
  CardAction,
  CardElement,
  Fact,
} from '../../../src/platforms/teams/adaptive-card.ts';
import {
  MAX_CARD_CHARS,
  renderAlertCard,
  URGENCY_STYLES,
} from '../../../src/platforms/teams/render-alert-card.ts';
import { TEAMS_MAX_ACTIONS } from '../../../src/platforms/teams/render-card-actions.ts';
import { ALERT_STATUSES, ALLOWED_ACTIONS } from '../../../src/sekoia/workflow-constants.ts';
import { namedAsset } from '../../fixtures/alert-card.ts';
import { alertCard, grantData, HOSTILE, LINK, liveMarkup, strings } from './teams-card-fixtures.ts';

const J = '\u2060';
const raw = String.raw;

function render(card: AlertCard, keys: readonly CardActionKey[] = []): AdaptiveCard {
  return renderAlertCard({ card, actions: keys.map((key) => ({ key, data: { a: key } })) });
}

function factsOf(card: AdaptiveCard): Fact[] {
  const set = card.body.find((element) => element.type === 'FactSet');
  return set?.type === 'FactSet' ? set.facts : [];
}

function header(card: AdaptiveCard): Extract<CardElement, { type: 'Container' }> {
  const first = card.body[0];
  if (first?.type !== 'Container') throw new Error('the card starts with its header container');
  return first;
}

function textOf(element: CardElement | undefined): string | undefined {
  return element?.type === 'TextBlock' ? element.text : undefined;
}

/** Every action of the card, those of a ShowCard's card included. */
function allActions(actions: readonly CardAction[]): CardAction[] {
  return actions.flatMap((action) => [
    action,
    ...(action.type === 'Action.ShowCard' ? allActions(action.card.actions) : []),
  ]);
}

describe('renderAlertCard', () => {
  it("pings the rule's mentions by id under the header, and only them: alert text never forms an <at>", () => {
    const mentions = [
      { name: 'Alice Martin', id: '29:alice' },
      { name: 'oncall' },
      { name: 'SOC Oncall', id: 'dGFn', group: true as const },
    ];
    const card = render(alertCard({ title: HOSTILE, entity: HOSTILE, mentions }));
    expect(textOf(card.body[1])).toBe('<at>Alice Martin</at> <at>SOC Oncall</at>');
    expect(card.msteams).toEqual({
      width: 'Full',
      entities: [
        {
          type: 'mention',
          text: '<at>Alice Martin</at>',
          mentioned: { id: '29:alice', name: 'Alice Martin' },
        },
        {
          type: 'mention',
          text: '<at>SOC Oncall</at>',
          mentioned: { id: 'dGFn', name: 'SOC Oncall', type: 'tag' },
        },
      ],
    });
    expect(JSON.stringify(card).match(/<at>/g)).toHaveLength(4);
    const plain = render(alertCard({ title: HOSTILE }));
    expect(plain.msteams).toEqual({ width: 'Full' });
    expect(JSON.stringify(plain)).not.toContain('<at>');
  });

  it('renders an Adaptive Card 1.5 with a header, the facts and the link', () => {
    expect(render(alertCard())).toEqual({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      fallbackText: '[HIGH 82] ALT-4821 Suspicious PowerShell',
      msteams: { width: 'Full' },
      body: [
        {
          type: 'Container',
          style: 'attention',
          bleed: true,
          items: [
            {
              type: 'TextBlock',
              text: 'ALT-4821 · Suspicious PowerShell',
              weight: 'Bolder',
              size: 'Medium',
              wrap: true,
            },
            { type: 'TextBlock', text: 'Urgency 82 (high)', isSubtle: true, spacing: 'None', wrap: true },
          ],
        },
        {
          type: 'FactSet',
          facts: [
            { title: 'Status', value: 'Pending' },
            { title: 'Entity', value: 'Lyon HQ' },
            { title: 'Rule', value: 'Encoded command' },
            { title: 'Type', value: 'malicious-code / trojan' },
            { title: 'Assets', value: 'WS-114 (criticality 80), srv01' },
            { title: 'Occurrences', value: '3' },
            { title: 'First seen', value: '2026-03-02 08:00 UTC' },
            { title: 'Last seen', value: '2026-03-02 09:15 UTC' },
            { title: 'Matched rule', value: 'r7k2 · Critical hosts' },
          ],
        },
      ],
      actions: [{ type: 'Action.OpenUrl', id: 'open', title: 'Open in Sekoia.io', url: LINK }],
    });
  });

  it.each([
    ['high', 90, 'attention', '90 (high)'],
    ['medium', 60, 'warning', '60 (medium)'],
    ['low', 10, 'accent', '10 (low)'],
    [undefined, undefined, 'emphasis', undefined],
  ] as const)('styles a %s urgency', (level, value, style, fact) => {
    const out = render(alertCard({ urgencyLevel: level, urgency: value }));
    expect(header(out).style).toBe(style);
    expect(URGENCY_STYLES[level ?? 'unknown']).toBe(style);
    expect(header(out).items[1]).toMatchObject({ text: `Urgency ${fact ?? 'unknown'}` });
  });

  it('shows the urgency once, in the header under the title', () => {
    const shown = JSON.stringify(render(alertCard()).body);
    expect(shown.match(/Urgency/g)).toHaveLength(1);
    expect(shown.match(/82 \(high\)/g)).toHaveLength(1);
    expect(factsOf(render(alertCard())).map((f) => f.title)).not.toContain('Urgency');
  });

  it('has one Execute per given action, in order, Comment as a text input, then the link', () => {
    const out = render(alertCard(), ['validate', 'acknowledge', 'reject', 'comment', 'mute']);
    expect(out.actions.map((action) => [action.type, action.id, action.title])).toEqual([
      ['Action.Execute', 'validate', 'Validate'],
      ['Action.Execute', 'acknowledge', 'Acknowledge'],
      ['Action.Execute', 'reject', 'Reject'],
      ['Action.ShowCard', 'addComment', 'Comment'],
      ['Action.Execute', 'mute1h', 'Mute rule 1h'],
      ['Action.OpenUrl', 'open', 'Open in Sekoia.io'],
    ]);
    expect(out.actions[0]).toEqual({
      type: 'Action.Execute',
      id: 'validate',
      title: 'Validate',
      verb: 'alert.validate',
      data: { a: 'validate' },
    });
    expect(out.actions[4]).toMatchObject({ verb: 'alert.mute', data: { a: 'mute' } });
    expect(out.actions[3]).toEqual({
      type: 'Action.ShowCard',
      id: 'addComment',
      title: 'Comment',
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.Text',
            id: 'comment',
            label: 'Comment',
            placeholder: 'Added to the alert in Sekoia.io, with your name',
            isMultiline: true,
            maxLength: 2_000,
            isRequired: true,
            errorMessage: 'Write a comment first.',
          },
        ],
        actions: [
          {
            type: 'Action.Execute',
            id: 'sendComment',
            title: 'Send',
            verb: 'alert.comment',
            data: { a: 'comment' },
          },
        ],
      },
    });
    expect(render(alertCard(), ['close']).actions[0]).toMatchObject({ verb: 'alert.close', title: 'Close' });
  });

  it.each(Object.keys(ALERT_STATUSES) as (keyof typeof ALERT_STATUSES)[])(
    'keeps to what Teams shows for a %s alert: ≤ 6 actions, unique ids, no style',
    (status) => {
      const keys: CardActionKey[] = [...ALLOWED_ACTIONS[status], 'comment', 'mute'];
      const out = renderAlertCard({
        card: alertCard({ status: ALERT_STATUSES[status].name, workflowActions: ALLOWED_ACTIONS[status] }),
        actions: keys.map((key) => ({ key, data: grantData(key) })),
      });
      expect(out.actions.length).toBeLessThanOrEqual(TEAMS_MAX_ACTIONS);
      expect(out.actions.map((action) => action.id)).toEqual([
        ...ALLOWED_ACTIONS[status],
        'addComment',
        'mute1h',
        'open',
      ]);
      const ids = [...allActions(out.actions).map((action) => action.id), 'comment'];
      expect(new Set(ids).size).toBe(ids.length);
      for (const action of allActions(out.actions)) {
        expect(action.id).toMatch(/^[A-Za-z0-9]+$/);
        expect(action).not.toHaveProperty('style');
      }
    },
  );

  it('never shows more than 6 actions: what does not fit goes, in order, under More…, the link kept', () => {
    const every: CardActionKey[] = [
      'acknowledge',
      'validate',
      'reject',
      'close',
      'comment',
      'urgency',
      'mute',
    ];
    const ids = (actions: readonly { id: string }[]) => actions.map((action) => action.id);
    const out = render(alertCard(), [...every, ...every]);
    expect(ids(out.actions)).toEqual(['acknowledge', 'validate', 'reject', 'close', 'more', 'open']);
    const more = out.actions[4];
    expect(more?.type === 'Action.ShowCard' && ids(more.card.actions)).toEqual([
      'addComment',
      'addUrgency',
      'mute1h',
    ]);
    const noLink = render(alertCard({ link: 'javascript:alert(1)' }), every);
    expect(ids(noLink.actions)).toEqual(['acknowledge', 'validate', 'reject', 'close', 'addComment', 'more']);
    const pending = render(alertCard(), ['acknowledge', 'validate', 'reject', 'comment', 'urgency', 'mute']);
    expect(ids(pending.actions)).toEqual(['acknowledge', 'validate', 'reject', 'addComment', 'more', 'open']);
    const acknowledged = render(alertCard(), ['validate', 'reject', 'comment', 'urgency', 'mute']);
    expect(ids(acknowledged.actions)).toEqual([
      'validate',
      'reject',
      'addComment',
      'addUrgency',
      'mute1h',
      'open',
    ]);
    expect(render(alertCard(), ['comment', 'comment']).actions.map((a) => a.id)).toEqual([
      'addComment',
      'open',
    ]);
  });

  it('asks for the new urgency (0–100) and a reason under Change urgency, sent as alert.urgency', () => {
    const out = render(alertCard(), ['urgency']);
    const form = out.actions.find((action) => action.id === 'addUrgency');
    expect(form?.type).toBe('Action.ShowCard');
    if (form?.type !== 'Action.ShowCard') return;
    expect(form.card.body).toMatchObject([
      { type: 'Input.Number', id: 'urgency', min: 0, max: 100, isRequired: true },
      { type: 'Input.Text', id: 'reason', maxLength: 2000, isRequired: true },
    ]);
    expect(form.card.actions).toMatchObject([{ type: 'Action.Execute', verb: 'alert.urgency' }]);
  });

  it('opens only http(s) links, and leaves out what is unknown', () => {
    const out = render(
      alertCard({
        link: 'javascript:alert(1)',
        shortId: undefined,
        urgency: undefined,
        urgencyLevel: undefined,
        status: undefined,
        assets: [{ uuid: '  ', name: '  ', criticality: undefined }],
        matchedRule: { id: 'r7k2', name: undefined },
      }),
    );
    expect(out.actions).toEqual([]);
    expect(header(out).items[0]).toMatchObject({ text: 'Suspicious PowerShell' });
    expect(out.fallbackText).toBe('[ALERT] Suspicious PowerShell');
    expect(factsOf(out).map((f) => f.title)).toEqual([
      'Entity',
      'Rule',
      'Type',
      'Occurrences',
      'First seen',
      'Last seen',
      'Matched rule',
    ]);
    expect(factsOf(out).at(-1)?.value).toBe('r7k2');
    const link = render(alertCard({ link: 'https://a.example/x (y)' })).actions[0];
    expect(link).toMatchObject({ type: 'Action.OpenUrl', url: 'https://a.example/x%20%28y%29' });
  });

  it('says when the card was built from the WebHook alone, and who acted last', () => {
    const out = render(
      alertCard({
        enriched: false,
        lastActivity: {
          verb: 'Acknowledged',
          by: 'Ana_Analyst',
          from: 'Microsoft Teams',
          at: Date.UTC(2026, 2, 2, 8, 5),
        },
      }),
    );
    expect(out.body.slice(2)).toEqual([
      {
        type: 'TextBlock',
        text: '_Details could not be read from Sekoia.io yet; this card will be completed._',
        isSubtle: true,
        wrap: true,
      },
      {
        type: 'TextBlock',
        text: 'Acknowledged by Ana\\_Analyst from Microsoft Teams at 2026-03-02 08:05 UTC',
        wrap: true,
      },
    ]);
  });

  it('shows a date it cannot read as escaped text', () => {
    const out = render(alertCard({ firstSeenAt: 'yesterday <b>' }));
    expect(factsOf(out).find((f) => f.title === 'First seen')?.value).toBe(`yesterday <${J}b>`);
  });

  it('stays under the size budget for a huge alert', () => {
    // Backslashes and quotes grow the most once escaped and serialized.
    const huge = '\\"'.repeat(500_000);
    const assets = Array.from({ length: 10_000 }, (_, i) => namedAsset(`host-${i}-${'\\'.repeat(100)}`));
    const keys = ['acknowledge', 'validate', 'reject', 'comment', 'mute'] as const;
    const out = renderAlertCard({
      card: alertCard({
        title: huge,
        entity: huge,
        rule: huge,
        alertType: huge,
        status: huge,
        shortId: huge,
        firstSeenAt: huge,
        lastSeenAt: huge,
        assets,
        matchedRule: { id: huge, name: huge },
        enriched: false,
        lastActivity: { verb: huge, by: huge, from: 'Microsoft Teams', at: 0 },
      }),
      actions: keys.map((key) => ({ key, data: grantData(key) })),
    });
    expect(JSON.stringify(out).length).toBeLessThan(MAX_CARD_CHARS);
    const assetsFact = factsOf(out).find((f) => f.title === 'Assets')?.value ?? '';
    expect(assetsFact).toMatch(/ \+9990 more$/);
    expect(assetsFact.split(', ')).toHaveLength(10);
  });

  it('leaves no live mention, link, image, tag, entity or code in any string of the card', () => {
    const out = renderAlertCard({
      card: alertCard({
        title: HOSTILE,
        shortId: HOSTILE,
        status: HOSTILE,
        entity: HOSTILE,
        rule: HOSTILE,
        alertType: HOSTILE,
        assets: [namedAsset(HOSTILE), { uuid: HOSTILE, name: undefined, criticality: 1 }],
        firstSeenAt: HOSTILE,
        matchedRule: { id: HOSTILE, name: HOSTILE },
        enriched: false,
        lastActivity: { verb: HOSTILE, by: HOSTILE, from: 'Microsoft Teams', at: 0 },
      }),
      actions: [{ key: 'acknowledge', data: { a: 'acknowledge' } }],
    });
    const all = strings(out).filter(([path]) => path !== '$.$schema' && !/\.url$/.test(path));
    expect(all.length).toBeGreaterThan(20);
    for (const [path, value] of all) {
      // fallbackText is plain text: a bare `[` is only a bracket there (`]` still gets a joiner).
      const except = path === '$.fallbackText' ? ['a link or image text'] : [];
      expect(liveMarkup(value, except), `${path}: ${value}`).toEqual([]);
    }
    // `(`, `)` and `!` stay bare: with `[` and `]` escaped no link or image can form.
    expect(textOf(header(out).items[0])).toContain(
      raw`@${J}all \[x\]\(http${J}://evil) <${J}b> <${J}at>x<${J}/at> &${J}lt;at&${J}gt; !\[i\]\(http${J}://evil/i.png) <${J}http${J}://evil>`,
    );
  });
});
