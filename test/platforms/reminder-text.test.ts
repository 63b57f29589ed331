import { describe, expect, it } from 'vitest';
import type { ReminderNote } from '../../src/delivery/card-sink.ts';
import { renderReminder } from '../../src/platforms/mattermost/render-thread-reply.ts';
import { renderReminderMessage } from '../../src/platforms/teams/render-thread-text.ts';

const note = (more: Partial<ReminderNote> = {}): ReminderNote => ({
  stage: 'remind',
  shortId: 'ALx1',
  ageMs: 15 * 60_000,
  mentions: [{ name: 'oncall' }, { name: 'sre.team' }],
  ...more,
});
const plain = (text: string) => text.replaceAll('\u2060', '').replaceAll('\\', '');

describe('reminder replies', () => {
  it('Mattermost: the names are real mentions; the age as a duration; a mention by id cannot ping there', () => {
    expect(renderReminder(note())).toBe('⏰ ALx1 still unacknowledged after 15m — @oncall @sre.team');
    const escalate = note({ stage: 'escalate', ageMs: 90 * 60_000, mentions: [{ name: 'secops-leads' }] });
    expect(renderReminder(escalate)).toBe('🚨 Escalation: ALx1 unacknowledged after 1h30m — @secops-leads');
    expect(renderReminder(note({ mentions: [{ name: 'Alice', id: '29:1' }], shortId: undefined }))).toBe(
      '⏰ This alert still unacknowledged after 15m',
    );
  });

  it('a short id from Sekoia.io cannot mention or inject markup, on either platform', () => {
    const hostile = note({ shortId: '@all [x](http://evil) **b**', mentions: [] });
    for (const text of [renderReminder(hostile), renderReminderMessage(hostile).text]) {
      expect(text).not.toMatch(/@all|\]\(http|\*\*b/);
    }
  });

  it('Teams: mentions by id ping ahead of the sentence (<at> and its entity); names without an id do not', () => {
    const message = renderReminderMessage(
      note({
        stage: 'escalate',
        mentions: [{ name: 'SecOps Leads', id: 'tag-1', group: true }, { name: 'oncall' }],
      }),
    );
    expect(plain(message.text)).toBe('<at>SecOps Leads</at> 🚨 Escalation: ALx1 unacknowledged after 15m');
    expect(message.entities).toEqual([
      {
        type: 'mention',
        text: '<at>SecOps Leads</at>',
        mentioned: { id: 'tag-1', name: 'SecOps Leads', type: 'tag' },
      },
    ]);
    const nobody = renderReminderMessage(note());
    expect(plain(nobody.text)).toBe('⏰ ALx1 still unacknowledged after 15m');
    expect(nobody).not.toHaveProperty('entities');
  });
});
