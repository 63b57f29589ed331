import { describe, expect, it } from 'vitest';
import { buildCommentAuthor, cutToUnits, SEKOIA_AUTHOR_MAX } from '../../src/actions/build-comment-author.ts';
import { PLATFORM_NAMES } from '../../src/platforms/platform-list.ts';

const teams = (name: string) => buildCommentAuthor({ id: '29:1a', name, platform: 'teams' }, PLATFORM_NAMES);

describe('buildCommentAuthor (Sekoia.io: author maxLength 32)', () => {
  it('keeps "Platform: name" when it fits, with nothing added to the text', () => {
    expect(teams('Ana Analyst')).toEqual({ author: 'Microsoft Teams: Ana Analyst', signature: undefined });
    expect(
      buildCommentAuthor({ id: 'u1', name: 'alice', platform: 'mattermost' }, PLATFORM_NAMES).author,
    ).toBe('Mattermost: alice');
  });

  it('shortens the platform, then the name, and signs the text with both in full', () => {
    expect(teams('Ana Analyst-Lindqvist')).toEqual({
      author: 'Teams: Ana Analyst-Lindqvist',
      signature: 'Microsoft Teams: Ana Analyst-Lindqvist',
    });
    const long = teams('Maximiliane Oberhausen-Wittgenstein');
    expect(long.author).toBe('Teams: Maximiliane Oberhausen-W…');
    expect(long.author).toHaveLength(SEKOIA_AUTHOR_MAX);
  });

  it('never cuts a surrogate pair or an emoji sequence in half', () => {
    for (let pad = 0; pad < 6; pad += 1) {
      const { author } = teams(`${'x'.repeat(18 + pad)}👩🏽‍💻🇫🇷😀 and more`);
      expect(author.length).toBeLessThanOrEqual(SEKOIA_AUTHOR_MAX);
      expect(author.isWellFormed()).toBe(true);
      expect(author).toMatch(/^Teams: x+(👩🏽‍💻|🇫🇷|😀)*…$/u);
    }
  });

  it('drops control and bidi characters from the name, and falls back to the id when nothing is left', () => {
    expect(teams('Ana\n\u202eAnalyst').author).toBe('Microsoft Teams: Ana Analyst');
    expect(teams(' \u0007 ').author).toBe('Microsoft Teams: 29:1a');
  });
});

describe('cutToUnits', () => {
  it('returns short text as it is and marks a cut with one ellipsis', () => {
    expect(cutToUnits('short', 10)).toBe('short');
    expect(cutToUnits('abcdefghij', 5)).toBe('abcd…');
    expect(cutToUnits('😀😀😀', 4)).toBe('😀…');
  });
});
