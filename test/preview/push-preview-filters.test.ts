import { describe, expect, it } from 'vitest';
import { pushPreviewFilters } from '../../src/preview/push-preview-filters.ts';
import { parseSubscription } from '../../src/rules/parse-subscription.ts';

const ENTITY = '0d6b4a52-8f0e-4c1a-9d7c-2b5e1f3a4c6d';
const RULE = '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const pushed = (text: string) => pushPreviewFilters(parseSubscription(text).conditions);
const keys = (text: string) => pushed(text).local.map((condition) => condition.key);

describe('pushPreviewFilters: what the alerts listing filters itself, the rest left to the matcher', () => {
  it('pushes exact UUIDs of entity, rule and status, and urgency as a range', () => {
    const filters = pushed(`alert-raised entity=${ENTITY} rule=${RULE} urgency>=medium`);
    expect(filters.match).toEqual({ entity_uuid: [ENTITY], rule_uuid: [RULE] });
    expect(filters.urgency).toEqual({ min: 50, max: 100 });
    expect(filters.local).toEqual([]);
  });

  it('keeps names local: the listing matches them exactly, rules in any case', () => {
    expect(pushed('alert-raised entity="Lyon HQ" rule="Suspicious PowerShell"').match).toEqual({});
    expect(keys('alert-raised entity="Lyon HQ" status=pending')).toEqual(['entity', 'status']);
  });

  it('keeps local what no filter says: !=, ~, a mix of names and UUIDs, other keys', () => {
    expect(keys(`alert-raised entity!=${ENTITY} rule~power type=malware asset=db-01`)).toEqual([
      'entity',
      'rule',
      'type',
      'asset',
    ]);
    expect(keys(`alert-raised entity=${ENTITY},"Lyon HQ"`)).toEqual(['entity']);
    expect(keys('alert-raised urgency!=low')).toEqual(['urgency']);
  });

  it('pushes the first of two conditions on one field, and the second stays local', () => {
    const filters = pushed(`alert-raised entity=${ENTITY} entity=${RULE}`);
    expect(filters.match).toEqual({ entity_uuid: [ENTITY] });
    expect(filters.local.map((condition) => condition.values)).toEqual([[RULE]]);
  });

  it('narrows urgency to whole numbers that hold every value the matcher accepts', () => {
    expect(pushed('alert-raised urgency<=medium').urgency).toEqual({ min: 0, max: 74 });
    expect(pushed('alert-raised urgency=high').urgency).toEqual({ min: 75, max: 100 });
    expect(pushed('alert-raised urgency=low,high').urgency).toEqual({ min: 0, max: 100 });
    expect(pushed('alert-raised urgency>60').urgency).toEqual({ min: 60, max: 100 });
    expect(pushed('alert-raised urgency<60 urgency>=medium').urgency).toEqual({ min: 50, max: 60 });
  });

  it('says nothing can match when the urgency conditions exclude each other', () => {
    const filters = pushed('alert-raised urgency>=high urgency<=low');
    expect(filters.empty).toBe(true);
    expect(filters.urgency).toBeUndefined();
  });
});
