import { describe, expect, it } from 'vitest';
import { isBotError } from '../../../src/errors.ts';
import { readCommandMentions } from '../../../src/platforms/teams/read-command-mentions.ts';
import { readCommandText } from '../../../src/platforms/teams/read-teams-conversation.ts';
import { parseSubscription } from '../../../src/rules/parse-subscription.ts';

const BOT = { id: '28:bot', name: 'Sekoia' };
const ALICE = { id: '29:alice', name: 'Alice Martin' };
const TAG = { id: 'dGFnOnNvYw==', name: 'SOC Oncall', type: 'tag' };
const at = (name: string) => `<at>${name}</at>`;
const entity = (mentioned: { id: string; name: string; type?: string }, text = at(mentioned.name)) => ({
  type: 'mention',
  text,
  mentioned,
});

/** What the Teams command path does with a message already stripped of its leading `@Sekoia`. */
function read(text: string, entities: unknown[]) {
  const activity = { recipient: BOT, entities: [entity(BOT), ...entities] } as never;
  const mentions = readCommandMentions(activity, text);
  const args = readCommandText(mentions.text).replace(/^subscribe /, '');
  return { ...mentions, args, parse: () => parseSubscription(args, mentions) };
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isBotError(error, 'command_usage')) return error.message;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('readCommandMentions: the people and tags a Teams command picks for --notify', () => {
  it('turns each picked mention after --notify into its id and display name, a tag marked as a group', () => {
    const typed = `subscribe alert-raised urgency>=high --notify ${at('Alice Martin')}, ${at('SOC Oncall')}`;
    const { parse } = read(typed, [entity(ALICE), entity(TAG)]);
    expect(parse().notify).toEqual({
      mentions: [
        { name: 'Alice Martin', id: '29:alice' },
        { name: 'SOC Oncall', id: 'dGFnOnNvYw==', group: true },
      ],
      minUrgency: null,
    });
  });

  it('reads mentions separated by spaces only, or typed back to back, and keeps each person once', () => {
    const spaced = read(`subscribe alert-raised --notify ${at('Alice Martin')} ${at('SOC Oncall')}`, [
      entity(ALICE),
      entity(TAG),
    ]);
    expect(spaced.parse().notify?.mentions.map((m) => m.id)).toEqual(['29:alice', TAG.id]);
    const glued = read(`subscribe alert-raised --notify ${at('Alice Martin')}${at('Alice Martin')}`, [
      entity(ALICE),
      entity(ALICE),
    ]);
    expect(glued.parse().notify?.mentions).toEqual([{ name: 'Alice Martin', id: '29:alice' }]);
  });

  it('refuses a name typed as plain text, with no mention entity behind it', () => {
    const { parse } = read('subscribe alert-raised --notify @Bob', []);
    expect(refusal(parse)).toBe(
      '--notify "@Bob" is plain text: type @ and pick the person or tag from the @ list so Teams knows who',
    );
    // A display name typed with its space is refused whole, not read as a condition "Martin".
    const spaced = read('subscribe alert-raised --notify @Alice Martin urgency>=high', []);
    expect(refusal(spaced.parse)).toMatch(/^--notify "@Alice Martin" is plain text/);
    // `<at>` typed by hand reaches the bot HTML-encoded, and is no mention either.
    const alice = { id: '29:alice', name: 'Alice' };
    const typed = read('subscribe alert-raised --notify &lt;at&gt;Alice&lt;/at&gt;', [entity(alice)]);
    expect(refusal(typed.parse)).toBe(
      '--notify "<at>Alice</at>" is plain text: type @ and pick the person or tag from the @ list so Teams knows who',
    );
  });

  it('does not take the bot itself as a target, nor a mention whose entity is not in the text', () => {
    const self = read(`subscribe alert-raised --notify ${at('Sekoia')}`, []);
    expect(refusal(self.parse)).toBe('--notify names people or tags, not the bot itself');
    const elsewhere = read('subscribe alert-raised --notify @Alice_Martin', [entity(ALICE)]);
    expect(refusal(elsewhere.parse)).toMatch(/plain text/);
  });

  it('keeps two people of one display name apart, and drops hidden characters from a hostile name', () => {
    const other = { id: '29:alice-2', name: 'Alice Martin' };
    const twins = read(`subscribe alert-raised --notify ${at('Alice Martin')}, ${at('Alice Martin')}`, [
      entity(ALICE),
      entity(other),
    ]);
    expect(twins.parse().notify?.mentions.map((m) => m.id)).toEqual(['29:alice', '29:alice-2']);
    const hostile = { id: '29:eve', name: 'Eve\u202e</at>\n, "x' };
    const eve = read(`subscribe alert-raised --notify ${at('Eve')}`, [entity(hostile, at('Eve'))]);
    expect(eve.parse().notify?.mentions).toEqual([{ name: 'Eve</at>, "x', id: '29:eve' }]);
  });

  it('ignores entities that are not mentions or lack an id', () => {
    const { text } = read(`subscribe alert-raised --notify ${at('Alice Martin')}`, [
      { type: 'clientInfo', text: at('Alice Martin') },
      { type: 'mention', text: at('Alice Martin'), mentioned: { name: 'Alice Martin' } },
    ]);
    expect(text).toContain(at('Alice Martin'));
  });
});
