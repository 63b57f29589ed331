import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import type { CardActionKey } from '../../../src/actions/action-table.ts';
import type { Reply } from '../../../src/commands/command-context.ts';
import type { UrgencyLevel } from '../../../src/normalize/notification.ts';
import type { AdaptiveCard } from '../../../src/platforms/teams/adaptive-card.ts';
import { MAX_CARD_CHARS, renderAlertCard } from '../../../src/platforms/teams/render-alert-card.ts';
import { TEAMS_MAX_ACTIONS } from '../../../src/platforms/teams/render-card-actions.ts';
import { renderErrorCard, renderReplyCard } from '../../../src/platforms/teams/render-reply-card.ts';
import { ALERT_STATUSES, ALLOWED_ACTIONS } from '../../../src/sekoia/workflow-constants.ts';
import { namedAsset } from '../../fixtures/alert-card.ts';
import { alertCard, grantData, HOSTILE, strings } from './teams-card-fixtures.ts';

// The package's main entry is ESM without "type": "module" and fails in Node; its UMD bundle loads
// without a DOM and parses and validates (reference §5.6, §8.5).
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

/** What the library does not check (reference §8.5): version, action style, action count, size, HTML. */
function projectProblems(json: object): string[] {
  const problems: string[] = [];
  const version = 'version' in json && typeof json.version === 'string' ? json.version : '';
  const [major, minor] = version.split('.').map(Number);
  if (major !== 1 || minor === undefined || minor > 5) problems.push(`version ${version}`);
  const serialized = JSON.stringify(json);
  if (serialized.length >= MAX_CARD_CHARS) problems.push(`${serialized.length} characters`);
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, `${path}[${index}]`);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Action.') && 'style' in record)
      problems.push(`${path} has a style`);
    if (Array.isArray(record.actions) && record.actions.length > TEAMS_MAX_ACTIONS)
      problems.push(`${path} has ${record.actions.length} actions`);
    for (const [key, item] of Object.entries(record)) visit(item, `${path}.${key}`);
  };
  visit(json, '$');
  for (const [path, text] of strings(json))
    if (/<\/?[A-Za-z!]/.test(text)) problems.push(`${path} holds HTML`);
  return problems;
}

function alertCardFor(status: keyof typeof ALERT_STATUSES, level: UrgencyLevel | undefined): AdaptiveCard {
  const keys: CardActionKey[] = [...ALLOWED_ACTIONS[status], 'comment', 'urgency', 'mute'];
  return renderAlertCard({
    card: alertCard({
      status: ALERT_STATUSES[status].name,
      urgencyLevel: level,
      workflowActions: ALLOWED_ACTIONS[status],
    }),
    actions: keys.map((key) => ({ key, data: grantData(key) })),
  });
}

const huge = '\\"<at>'.repeat(200_000);
const REPLIES: [string, Reply][] = [
  ['info', { kind: 'info', text: 'No rules in this channel.' }],
  ['success', { kind: 'success', text: 'Rule r7k2 created', lines: ['matches: 0'], code: ['mute r7k2 2h'] }],
  [
    'error',
    { kind: 'error', text: 'unknown key "@all <b>"', lines: ['<at>x</at>'], code: ['subscribe <trigger>'] },
  ],
  ['huge', { kind: 'info', text: huge, lines: Array(5_000).fill(huge), code: Array(5_000).fill(huge) }],
  [
    'chart',
    {
      kind: 'info',
      text: 'Preview: 12 cards',
      chart: [
        { label: 'Mon 2026-12-07', value: 12 },
        { label: '<at>x</at> **', value: 0 },
      ],
      lines: ['Busiest day: Mon 2026-12-07 (12)'],
    },
  ],
  [
    'huge chart',
    {
      kind: 'info',
      text: huge,
      chart: Array(500).fill({ label: huge, value: 1e9 }),
      lines: Array(5_000).fill(huge),
      code: Array(5_000).fill(huge),
    },
  ],
];

const CARDS: [string, AdaptiveCard][] = [
  ...(Object.keys(ALERT_STATUSES) as (keyof typeof ALERT_STATUSES)[]).flatMap((status) =>
    (['high', 'medium', 'low', undefined] as const).map((level): [string, AdaptiveCard] => [
      `alert ${status} ${level ?? 'unknown'}`,
      alertCardFor(status, level),
    ]),
  ),
  [
    'hostile alert, not enriched, acted on',
    renderAlertCard({
      card: alertCard({
        title: HOSTILE,
        entity: HOSTILE,
        assets: Array.from({ length: 10_000 }, () => namedAsset(HOSTILE, 100)),
        enriched: false,
        lastActivity: { verb: 'Acknowledged', by: HOSTILE, from: 'Microsoft Teams', at: 0 },
      }),
      actions: (['acknowledge', 'validate', 'reject', 'close', 'comment', 'urgency', 'mute'] as const).map(
        (key) => ({
          key,
          data: grantData(key),
        }),
      ),
    }),
  ],
  ['alert without a link', renderAlertCard({ card: alertCard({ link: 'ftp://x' }), actions: [] })],
  ...REPLIES.map(([name, reply]): [string, AdaptiveCard] => [`reply ${name}`, renderReplyCard(reply)]),
  ['error', renderErrorCard(`Sekoia.io refused the change: ${HOSTILE}`)],
];

describe('rendered cards', () => {
  it.each(CARDS)('%s: the adaptivecards library finds no problem', (_name, card) => {
    expect(libraryEvents(card)).toEqual([]);
  });

  it.each(CARDS)('%s: passes the project checks', (_name, card) => {
    expect(projectProblems(card)).toEqual([]);
  });

  it('the checks do catch a card Teams would not take', () => {
    const action = (id: string) => ({ type: 'Action.Execute', id, title: id, verb: 'x', style: 'positive' });
    const bad = {
      type: 'AdaptiveCard',
      version: '1.6',
      body: [{ type: 'TextBlock', text: '<b>x</b>', color: 'purple' }],
      actions: [...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(action), action('a')],
    };
    expect(libraryEvents(bad)).toEqual([
      'parse: Invalid value "purple" for property "color".',
      'validate: Maximum number of actions exceeded (6).',
      'validate: Duplicate Id "a".',
    ]);
    expect(projectProblems(bad)).toEqual([
      'version 1.6',
      '$ has 8 actions',
      ...Array.from({ length: 8 }, (_, i) => `$.actions[${i}] has a style`),
      '$.body[0].text holds HTML',
    ]);
  });
});
