import { describe, expect, it } from 'vitest';
import { ACTION_TABLE, CARD_ACTION_KEYS } from '../../src/actions/action-table.ts';
import { cardButtons } from '../../src/actions/card-buttons.ts';

describe('the buttons of a card (computed once for every platform)', () => {
  it('lists the transitions the status allows, then Comment, Change urgency, Mute and Why this card?, with their looks', () => {
    const none = { entity: undefined, rule: undefined };
    const look = { style: 'default', secondary: false };
    expect(cardButtons({ workflowActions: ['validate', 'reject'], ...none })).toEqual([
      {
        kind: 'validate',
        id: 'validate',
        label: 'Validate',
        style: 'success',
        needsText: false,
        secondary: false,
      },
      { kind: 'reject', id: 'reject', label: 'Reject', style: 'danger', needsText: false, secondary: false },
      { kind: 'comment', id: 'comment', label: 'Comment', needsText: true, ...look },
      { kind: 'urgency', id: 'urgency', label: 'Change urgency', needsText: true, ...look },
      { kind: 'mute', id: 'mute1h', label: 'Mute rule 1h', needsText: false, ...look },
      {
        kind: 'why',
        id: 'why',
        label: 'Why this card?',
        needsText: false,
        style: 'default',
        secondary: true,
      },
    ]);
    expect(cardButtons({ workflowActions: [], ...none }).map((button) => button.kind)).toEqual([
      'comment',
      'urgency',
      'mute',
      'why',
    ]);
  });

  it('adds an Exclude button, signed with the value, for each fact the card has (never Undo, which is announced)', () => {
    const buttons = cardButtons({ workflowActions: [], entity: 'Lyon HQ', rule: 'x'.repeat(201) });
    expect(buttons.map((button) => [button.kind, button.exclusion])).toEqual([
      ['comment', undefined],
      ['urgency', undefined],
      ['mute', undefined],
      ['why', undefined],
      ['excludeEntity', { key: 'entity', value: 'Lyon HQ' }],
    ]);
  });

  it('gives every kind a handler with an id Mattermost can route (letters and digits, unique)', () => {
    const ids = CARD_ACTION_KEYS.map((kind) => ACTION_TABLE[kind].button.id);
    expect(ids.every((id) => /^[A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
