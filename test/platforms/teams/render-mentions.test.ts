import { describe, expect, it } from 'vitest';
import { renderMentionMessage, renderMentions } from '../../../src/platforms/teams/render-mentions.ts';

describe('renderMentions: a rule’s --notify names as Teams pings them', () => {
  it('gives each id an <at> in the text and an entity with that exact text, a tag typed as one', () => {
    const rendered = renderMentions([
      { name: 'Alice Martin', id: '29:alice' },
      { name: 'SOC Oncall', id: 'dGFn', group: true },
    ]);
    expect(rendered.text).toBe('<at>Alice Martin</at> <at>SOC Oncall</at>');
    expect(rendered.entities).toEqual([
      { type: 'mention', text: '<at>Alice Martin</at>', mentioned: { id: '29:alice', name: 'Alice Martin' } },
      {
        type: 'mention',
        text: '<at>SOC Oncall</at>',
        mentioned: { id: 'dGFn', name: 'SOC Oncall', type: 'tag' },
      },
    ]);
  });

  it('leaves out names without an id (they cannot ping in Teams), and renders nothing for none', () => {
    expect(renderMentions([{ name: 'oncall' }])).toEqual({ text: '', entities: [] });
    expect(renderMentions([])).toEqual({ text: '', entities: [] });
  });

  it('escapes a display name so that it can neither close the <at> nor add markup', () => {
    const rendered = renderMentions([{ name: '</at><at>All</at> **x** [y](http://e.vil)', id: '29:eve' }]);
    expect(rendered.text.match(/<at>/g)).toHaveLength(1);
    expect(rendered.text.match(/<\/at>/g)).toHaveLength(1);
    expect(rendered.text).not.toMatch(/\*\*x|\]\(/);
    expect(rendered.entities[0]?.text).toBe(rendered.text);
  });

  it('labels two people of one name apart, so that each entity matches its own <at>', () => {
    const rendered = renderMentions([
      { name: 'Alice Martin', id: '29:a1' },
      { name: 'Alice Martin', id: '29:a2' },
    ]);
    expect(rendered.entities.map((e) => e.text)).toEqual([
      '<at>Alice Martin</at>',
      '<at>Alice Martin (2)</at>',
    ]);
  });

  it('makes a thread reply that pings ahead of its text, or a plain reply for nobody', () => {
    const alice = { name: 'Alice Martin', id: '29:alice' };
    expect(renderMentionMessage('Still pending after 30 min', [alice, { name: 'oncall' }])).toEqual({
      type: 'message',
      text: '<at>Alice Martin</at> Still pending after 30 min',
      textFormat: 'markdown',
      entities: [
        {
          type: 'mention',
          text: '<at>Alice Martin</at>',
          mentioned: { id: '29:alice', name: 'Alice Martin' },
        },
      ],
    });
    expect(renderMentionMessage('x', [{ name: 'oncall' }])).toEqual({
      type: 'message',
      text: 'x',
      textFormat: 'markdown',
    });
  });
});
