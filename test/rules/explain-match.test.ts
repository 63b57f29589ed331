import { describe, expect, it } from 'vitest';
import { addExclusion, exclusionBlock, removeExclusion } from '../../src/rules/edit-exclusion.ts';
import { explainMatch } from '../../src/rules/explain-match.ts';
import type { Condition } from '../../src/rules/rule.ts';
import type { TriggerFacts } from '../../src/rules/trigger-facts.ts';

const facts: TriggerFacts = {
  trigger: 'alert-raised',
  urgency: 85,
  criticality: 40,
  entity: [{ uuid: '6a0d3f58-21c9-4be7-9d12-0e7c4b5a8f31', name: 'Lyon HQ' }],
  rule: [{ name: 'Brute force' }],
  type: ['malware', 'ransomware'],
};
const rule = (...conditions: Condition[]) => ({ trigger: 'alert-raised' as const, conditions });

describe('explainMatch: each condition with the facts that satisfied it, by the matcher itself', () => {
  it('names the level of a number, the names of references, and "any of" values', () => {
    const explained = explainMatch(
      rule(
        { key: 'urgency', op: '>=', values: ['high'] },
        { key: 'entity', op: '=', values: ['Paris DC', 'Lyon HQ'] },
        { key: 'type', op: '~', values: ['ransom'] },
        { key: 'criticality', op: '<', values: ['50'] },
        { key: 'rule', op: '!=', values: ['Port scan'] },
      ),
      facts,
    );
    expect(explained).toEqual([
      { condition: 'urgency>=high', satisfied: true, facts: ['85 (high)'] },
      { condition: 'entity="Paris DC","Lyon HQ"', satisfied: true, facts: ['Lyon HQ'] },
      { condition: 'type~ransom', satisfied: true, facts: ['malware', 'ransomware'] },
      { condition: 'criticality<50', satisfied: true, facts: ['40'] },
      { condition: 'rule!="Port scan"', satisfied: true, facts: ['Brute force'] },
    ]);
  });

  it('says when a condition does not hold any more (the alert changed since), and when a fact is absent', () => {
    const explained = explainMatch(
      rule({ key: 'urgency', op: '>', values: ['90'] }, { key: 'asset', op: '=', values: ['web-1'] }),
      facts,
    );
    expect(explained.map((e) => [e.satisfied, e.facts])).toEqual([
      [false, ['85 (high)']],
      [false, []],
    ]);
  });
});

describe('exclusions on a rule', () => {
  it('merges into an existing != condition, and Undo removes exactly that value (twice is harmless)', () => {
    const start: Condition[] = [{ key: 'entity', op: '!=', values: ['Paris DC'] }];
    const added = addExclusion(start, { key: 'entity', value: 'Lyon HQ' });
    expect(added).toEqual([{ key: 'entity', op: '!=', values: ['Paris DC', 'Lyon HQ'] }]);
    expect(addExclusion(added, { key: 'entity', value: 'lyon hq' })).toEqual(added);
    const undone = removeExclusion(added, { key: 'entity', value: 'Lyon HQ' });
    expect(undone).toEqual(start);
    expect(removeExclusion(undone, { key: 'entity', value: 'Lyon HQ' })).toEqual(start);
    expect(removeExclusion(start, { key: 'entity', value: 'Paris DC' })).toEqual([]);
  });

  it('is not offered when the rule asks for that key by name (it would never match again)', () => {
    const named = rule({ key: 'entity', op: '=', values: ['Lyon HQ'] });
    expect(exclusionBlock(named, { key: 'entity', value: 'Lyon HQ' })).toBe('only-matches-it');
    expect(exclusionBlock(named, { key: 'rule', value: 'Brute force' })).toBeUndefined();
    expect(exclusionBlock(rule(), { key: 'rule', value: 'x'.repeat(201) })).toBe('invalid-value');
  });
});
