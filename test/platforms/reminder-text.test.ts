import { describe, expect, it } from 'vitest';
import type { ReminderNote } from '../../src/delivery/card-sink.ts';
import { renderReminder } from '../../src/platforms/mattermost/render-thread-reply.ts';
import { renderReminderText } from '../../src/platforms/teams/render-thread-text.ts';

const note = (more: Partial<ReminderNote> = {}): ReminderNote => ({
  stage: 'remind',
  shortId: 'ALx1',
  ageMs: 15 * 60_000,
  mentions: ['oncall', 'sre.team'],
  ...more,
});

describe('reminder replies', () => {
  it('Mattermost: the names are real mentions; the age as a duration', () => {
    expect(renderReminder(note())).toBe('⏰ ALx1 still unacknowledged after 15m — @oncall @sre.team');
    expect(renderReminder(note({ stage: 'escalate', ageMs: 90 * 60_000, mentions: ['secops-leads'] }))).toBe(
      '🚨 Escalation: ALx1 unacknowledged after 1h30m — @secops-leads',
    );
    expect(renderReminder(note({ mentions: [], shortId: undefined }))).toBe(
      '⏰ This alert still unacknowledged after 15m',
    );
  });

  it('a short id from Sekoia.io cannot mention or inject markup, on either platform', () => {
    const hostile = note({ shortId: '@all [x](http://evil) **b**', mentions: [] });
    for (const text of [renderReminder(hostile), renderReminderText(hostile)]) {
      expect(text).not.toMatch(/@all|\]\(http|\*\*b/);
    }
  });

  it('Teams: the names are shown, not pinged (no <at> entity yet), and escaped', () => {
    const text = renderReminderText(note({ mentions: ['secops_leads'] }));
    expect(text.replaceAll('\u2060', '').replaceAll('\\', '')).toBe(
      '⏰ ALx1 still unacknowledged after 15m — @secops_leads',
    );
    expect(text).not.toContain('<at>');
    expect(text).not.toContain('secops_leads');
  });
});
