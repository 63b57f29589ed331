import { describe, expect, it } from 'vitest';
import { ACTION_TABLE, CARD_ACTION_KEYS } from '../../src/actions/action-table.ts';
import { cardButtons } from '../../src/actions/card-buttons.ts';

describe('the buttons of a card (computed once for every platform)', () => {
  it('lists the transitions the status allows, then Comment, Change urgency and Mute, with their looks', () => {
    expect(cardButtons({ workflowActions: ['validate', 'reject'] })).toEqual([
      { kind: 'validate', id: 'validate', label: 'Validate', style: 'success', needsText: false },
      { kind: 'reject', id: 'reject', label: 'Reject', style: 'danger', needsText: false },
      { kind: 'comment', id: 'comment', label: 'Comment', style: 'default', needsText: true },
      { kind: 'urgency', id: 'urgency', label: 'Change urgency', style: 'default', needsText: true },
      { kind: 'mute', id: 'mute1h', label: 'Mute rule 1h', style: 'default', needsText: false },
    ]);
    expect(cardButtons({ workflowActions: [] }).map((button) => button.kind)).toEqual([
      'comment',
      'urgency',
      'mute',
    ]);
  });

  it('gives every kind a handler with an id Mattermost can route (letters and digits, unique)', () => {
    const ids = CARD_ACTION_KEYS.map((kind) => ACTION_TABLE[kind].button.id);
    expect(ids.every((id) => /^[A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
