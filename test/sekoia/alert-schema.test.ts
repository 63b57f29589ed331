import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isBotError } from '../../src/errors.ts';
import { alertSchema } from '../../src/sekoia/alert-schema.ts';
import { parseSekoiaResponse } from '../../src/sekoia/parse-sekoia-response.ts';

function readFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/sekoia/${name}`, import.meta.url), 'utf8'));
}

function parseAlert(body: unknown) {
  return parseSekoiaResponse(alertSchema, body, 'alert');
}

describe('alert schema', () => {
  it('reads the example alert of the reference into typed fields', () => {
    const alert = parseAlert(readFixture('alert.json'));
    expect(alert).toMatchObject({
      uuid: '0f9c2a4e-5b7d-4c1a-9e3f-2d8b6a1c7e40',
      short_id: 'ALq8Rt2vXk3m',
      entity: { name: 'Lyon HQ' },
      urgency: { current_value: 68, display: 'Major' },
      alert_type: { category: 'intrusions', value: 'system-compromise' },
      status: { uuid: '2efc4930-1442-4abb-acf2-58ba219a4fd0', name: 'Pending' },
      rule: { name: 'Suspicious PowerShell download cradle', severity: 70 },
      similar: 3,
      created_at: 1772439342,
      first_seen_at: '2026-03-02T08:14:55.201000Z',
      assets: ['e7a1c3d9-4b52-4f0e-9c86-2d1b7a5f3e64'],
    });
    expect(alert.comments?.[0]?.author).toBe('Mattermost: alice');
  });

  it('keeps fields it does not know about', () => {
    const alert = parseAlert({ ...readFixture('alert.json'), brand_new_field: { nested: true } });
    expect(alert.brand_new_field).toEqual({ nested: true });
    expect(alert.intake_uuids).toEqual(['f2c9a7b1-0e6d-4b38-9a54-7d1e3c8f6a29']);
  });

  it('accepts nulls and missing optional parts, with defaults for counters and lists', () => {
    const sparse = readFixture('alert.json');
    for (const field of ['details', 'community_uuid', 'source', 'target', 'ttps', 'comments', 'history']) {
      delete sparse[field];
    }
    Object.assign(sparse, { entity: null, rule: null, alert_type: null, similar: null, assets: null });
    Object.assign(sparse, { custom_status: null, first_seen_at: null });
    const alert = parseAlert(sparse);
    expect(alert).toMatchObject({ entity: null, rule: null, alert_type: null, similar: 0, assets: [] });
  });

  it('defaults entity, rule and alert type to null when absent', () => {
    const { entity: _entity, rule: _rule, alert_type: _type, ...rest } = readFixture('alert.json');
    expect(parseAlert(rest)).toMatchObject({ entity: null, rule: null, alert_type: null });
  });

  it('reads an alert without a title, reading every field of another type as absent (issue 10)', () => {
    const { title: _title, ...untitled } = readFixture('alert.json');
    const alert = parseAlert({
      ...untitled,
      short_id: 42,
      urgency: { current_value: 'SECRET-VALUE', display: 7 },
      status: 'Pending',
      entity: { uuid: 'e1' },
      rule: 'not a rule',
      created_at: 'x',
      first_seen_at: 1772439342,
      similar: 'many',
      assets: ['a1', 7, null, 'a2'],
      comments: [{ uuid: 'c1', content: 'kept' }, { content: 'no uuid' }],
      custom_status: [],
    });
    expect(alert).toMatchObject({
      uuid: '0f9c2a4e-5b7d-4c1a-9e3f-2d8b6a1c7e40',
      urgency: { display: null },
      status: {},
      entity: { uuid: 'e1' },
      rule: null,
      similar: 0,
      first_seen_at: '2026-03-02T08:15:42.000Z',
      assets: ['a1', 'a2'],
      comments: [{ uuid: 'c1', content: 'kept' }],
      custom_status: null,
      alert_type: { category: 'intrusions' },
    });
    expect([alert.title, alert.short_id, alert.urgency.current_value, alert.created_at]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(alert.entity?.name).toBeUndefined();
  });

  it('refuses a body without the alert uuid, naming the paths but not the values', () => {
    const { uuid: _uuid, ...rest } = readFixture('alert.json');
    const body = { ...rest, title: 'SECRET-VALUE' };
    let caught: unknown;
    try {
      parseAlert(body);
    } catch (error) {
      caught = error;
    }
    expect(isBotError(caught, 'sekoia_invalid_response')).toBe(true);
    if (!isBotError(caught)) return;
    expect(caught.retryable).toBe(false);
    expect(caught.details.issues).toEqual(['uuid: invalid_type']);
    expect(JSON.stringify(caught.details)).not.toContain('SECRET-VALUE');
    expect(() => parseAlert([body])).toThrow(/cannot read/);
  });
});
