import { describe, expect, it } from 'vitest';
import { readYamlSubset } from './read-yaml-subset.ts';

describe('readYamlSubset', () => {
  it('reads block mappings, sequences of text and of mappings, flow sequences and comments', () => {
    const text = [
      '# a comment',
      'services:',
      '  web:  # trailing comment',
      '    command: ["a", "b c", \'d\']',
      '    env_file:',
      '      - path: .env',
      '        required: false',
      '    ports:',
      '      - "80:80"',
      '      - url#not-a-comment',
      'volumes:',
      '  data:',
    ].join('\n');
    expect(readYamlSubset(text)).toEqual({
      services: {
        web: {
          command: ['a', 'b c', 'd'],
          env_file: [{ path: '.env', required: 'false' }],
          ports: ['80:80', 'url#not-a-comment'],
        },
      },
      volumes: { data: null },
    });
  });

  it.each([
    ['an anchor', 'a: &x 1'],
    ['an alias', 'a: *x'],
    ['a block scalar', 'a: |\n  text'],
    ['a flow mapping', 'a: {b: 1}'],
    ['a tab', 'a:\n\tb: 1'],
    ['a duplicate key', 'a: 1\na: 2'],
    ['a stray indentation', 'a: 1\n  b: 2'],
    ['": " in plain text', 'a: b: c'],
  ])('refuses %s', (_what, text) => {
    expect(() => readYamlSubset(text)).toThrow(/line \d+/);
  });
});
