import { describe, expect, it } from 'vitest';
import type { AlertCard } from '../../src/delivery/alert-card.ts';
import {
  activitySentence,
  alertSummary,
  commentHeading,
  statusChangeSentence,
} from '../../src/delivery/card-sentences.ts';
import type { WriteInline } from '../../src/delivery/write-inline.ts';
import { alertCard } from '../fixtures/alert-card.ts';

const plain: WriteInline = (text) => text;
const marked: WriteInline = (text, max) => `⟨${text}|${max}⟩`;

describe('statusChangeSentence', () => {
  it.each([
    [{ shortId: 'ALT-1', from: 'Pending', to: 'Acknowledged' }, 'Status of ALT-1: Pending → Acknowledged'],
    [{ shortId: undefined, from: undefined, to: 'Closed' }, 'Status: Closed'],
    [{ shortId: undefined, from: 'Closed', to: 'Closed' }, 'Status: Closed'],
    [{ shortId: 'ALT-1', from: 'Pending', to: undefined }, 'Status of ALT-1 changed'],
  ])('%o', (note, expected) => {
    expect(statusChangeSentence(note, plain)).toBe(expected);
  });

  it('says who, and from where, with names written by the platform', () => {
    const note = { shortId: 'A', from: 'P', to: 'Q', by: { name: 'ana', from: 'Microsoft Teams' } };
    expect(statusChangeSentence(note, marked)).toBe(
      'Status of ⟨A|40⟩: ⟨P|60⟩ → ⟨Q|60⟩ by ⟨ana|64⟩ (Microsoft Teams)',
    );
  });
});

describe('activitySentence', () => {
  it('says what was done, by whom, from where and when', () => {
    const activity = {
      verb: 'Acknowledged',
      by: 'alice',
      from: 'Mattermost',
      at: 1772438400000,
    };
    expect(activitySentence(activity, marked)).toBe(
      '⟨Acknowledged|40⟩ by ⟨alice|64⟩ from Mattermost at 2026-03-02 08:00 UTC',
    );
  });
});

describe('commentHeading', () => {
  it('names who commented', () => {
    expect(commentHeading('ana', marked)).toBe('⟨ana|64⟩ commented in Sekoia.io:');
  });
});

describe('alertSummary', () => {
  const card = (overrides: Partial<AlertCard>) =>
    alertCard({
      shortId: 'ALT-1',
      title: 'Suspicious',
      urgency: 82.4,
      urgencyLevel: 'high',
      ...overrides,
    });

  it.each([
    [{}, '[HIGH 82] ⟨ALT-1 Suspicious|280⟩'],
    [{ shortId: undefined, urgency: undefined }, '[HIGH] ⟨Suspicious|280⟩'],
    [{ urgencyLevel: undefined, urgency: Number.NaN }, '[ALERT] ⟨ALT-1 Suspicious|280⟩'],
  ] as const)('%o', (overrides, expected) => {
    expect(alertSummary(card(overrides), marked)).toBe(expected);
  });

  it('hands the platform a bounded head of a huge title, not a copy of all of it', () => {
    const handed: number[] = [];
    const measure: WriteInline = (text) => {
      handed.push(text.length);
      return '';
    };
    alertSummary(card({ title: 'x'.repeat(1_000_000) }), measure);
    alertSummary(card({ title: 'x'.repeat(1_000_000), shortId: undefined }), measure);
    expect(Math.max(...handed)).toBeLessThanOrEqual(10_000);
  });
});
