import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth } from '../../src/http/exceeds-json-depth.ts';
import { isJsonContentType } from '../../src/http/is-json-content-type.ts';
import { createSecretVerifier } from '../../src/http/verify-secret.ts';
import { dedupeKeysOf, readableAlertUuid, readSekoiaEvent } from '../../src/ingress/read-sekoia-event.ts';
import { sekoiaEventSchema } from '../../src/ingress/sekoia-event-schema.ts';

const created = JSON.parse(
  readFileSync(new URL('../fixtures/sekoia/alert-created.json', import.meta.url), 'utf8'),
);

describe('sekoiaEventSchema: any JSON object with a string type is a notification', () => {
  it('reads the reference example', () => {
    const event = sekoiaEventSchema.parse({ ...created, extra: { nested: true } });
    expect(event).toMatchObject({
      type: 'alert',
      action: 'created',
      attributes: { uuid: created.attributes.uuid, short_id: created.attributes.short_id },
      metadata: { created_at: created.metadata.created_at },
    });
    expect(readableAlertUuid(event)).toBe(created.attributes.uuid);
  });

  it.each([
    ['no type', { ...created, type: undefined }],
    ['an empty type', { ...created, type: '' }],
    ['a type that is not a string', { ...created, type: 7 }],
    ['a type of 257 characters', { ...created, type: 'x'.repeat(257) }],
    ['an array', [created]],
    ['a string', 'alert'],
    ['null', null],
  ])('refuses %s', (_label, body) => {
    expect(sekoiaEventSchema.safeParse(body).success).toBe(false);
  });

  // Each of these was refused with 400 before issue 10 (item 2): only `type` is certain.
  it.each([
    ['a type with markup', { ...created, type: '<b>x</b>' }, { type: '<b>x</b>' }],
    ['no attributes', { ...created, attributes: undefined }, { attributes: {} }],
    ['attributes that are a list', { ...created, attributes: [1] }, { attributes: {} }],
    ['no action', { ...created, action: undefined }, { action: undefined }],
    ['an action that is a number', { ...created, action: 3 }, { action: undefined }],
    ['no metadata', { type: 'alert', attributes: created.attributes }, { metadata: {} }],
    ['no creation time', { ...created, metadata: { version: 2 } }, { metadata: {} }],
    ['a creation time that is a number', { ...created, metadata: { created_at: 1 } }, { metadata: {} }],
    ['an alert without a UUID', { ...created, attributes: { short_id: 'ALq8Rt2vXk3m' } }, {}],
    ['an alert with a non-UUID', { ...created, attributes: { uuid: '../../v1/me' } }, {}],
    ['an alert UUID that is a number', { ...created, attributes: { uuid: 12 } }, {}],
  ])('accepts %s, leaving out what it cannot read', (_label, body, expected) => {
    const parsed = sekoiaEventSchema.safeParse(body);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject(expected);
  });

  it('keeps a well-formed alert UUID only for an alert it can work on', () => {
    const read = (body: unknown) => readableAlertUuid(sekoiaEventSchema.parse(body));
    expect(read({ ...created, attributes: { short_id: 'ALq8Rt2vXk3m' } })).toBeUndefined();
    expect(read({ ...created, attributes: { uuid: '../../v1/me' } })).toBeUndefined();
    expect(read({ ...created, action: undefined })).toBeUndefined();
    expect(read({ ...created, action: 'deleted' })).toBeUndefined();
    expect(read({ ...created, type: 'case' })).toBeUndefined();
    expect(read({ ...created, action: 'updated' })).toBe(created.attributes.uuid);
  });

  it('leaves out a short id that could travel into a path', () => {
    const event = sekoiaEventSchema.parse({
      ...created,
      attributes: { ...created.attributes, short_id: 'AL/../x' },
    });
    expect(event.attributes).not.toHaveProperty('short_id');
    expect(event.attributes.uuid).toBe(created.attributes.uuid);
  });

  it('accepts an unknown type with unknown attributes, and metadata.created instead of created_at', () => {
    const event = sekoiaEventSchema.parse({
      type: 'connector-error',
      action: 'created',
      attributes: { anything: [1, 2] },
      metadata: { created: '2026-03-02T08:15:42+00:00' },
    });
    expect(event).toMatchObject({
      type: 'connector-error',
      attributes: { anything: [1, 2] },
      metadata: { created: '2026-03-02T08:15:42+00:00' },
    });
  });
});

describe('readSekoiaEvent', () => {
  it.each([
    ['null', null],
    ['a number', 5],
    ['a list', [{ type: 'alert' }]],
    ['fields of every wrong type', { type: 1, action: {}, attributes: 'x', metadata: [] }],
  ])('reads %s without throwing', (_label, value) => {
    expect(readSekoiaEvent(value)).toEqual({ type: '', action: undefined, attributes: {}, metadata: {} });
  });

  it('reads back every type the envelope accepts, counting a surrogate pair as one character as zod does', () => {
    const astral = '😀'.repeat(200); // 400 UTF-16 units, 200 characters
    expect(sekoiaEventSchema.safeParse({ type: astral }).success).toBe(true);
    expect(readSekoiaEvent({ type: astral }).type).toBe(astral);
    const tooLong = '😀'.repeat(257);
    expect(sekoiaEventSchema.safeParse({ type: tooLong }).success).toBe(false);
    expect(readSekoiaEvent({ type: tooLong }).type).toBe('');
  });
});

describe('dedupeKeysOf', () => {
  it('keys on metadata.uuid when present, and always on type + action + uuid + created_at', () => {
    const event = sekoiaEventSchema.parse({ ...created, metadata: { ...created.metadata, uuid: 'n-1' } });
    expect(dedupeKeysOf(event)).toEqual([
      'u:n-1',
      `c:alert|created|${created.attributes.uuid}|${created.metadata.created_at}`,
    ]);
    expect(dedupeKeysOf(sekoiaEventSchema.parse(created))).toHaveLength(1);
  });

  it('has no key without metadata.uuid nor a creation time, so distinct notifications are all kept', () => {
    expect(dedupeKeysOf(sekoiaEventSchema.parse({ type: 'intake-silent' }))).toEqual([]);
    expect(dedupeKeysOf(sekoiaEventSchema.parse({ type: 'x', metadata: { created_at: 5 } }))).toEqual([]);
  });
});

describe('createSecretVerifier', () => {
  it('accepts only the exact secret', () => {
    const verifySecret = (presented: string, expected: string) => createSecretVerifier(expected)(presented);
    expect(verifySecret('s3cret-value-s3cret-value', 's3cret-value-s3cret-value')).toBe(true);
    expect(verifySecret('s3cret-value-s3cret-valuE', 's3cret-value-s3cret-value')).toBe(false);
    expect(verifySecret('', 's3cret-value-s3cret-value')).toBe(false);
    expect(verifySecret('s3cret-value-s3cret-value-and-more', 's3cret-value-s3cret-value')).toBe(false);
  });
});

describe('isJsonContentType', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON', true],
    ['application/vnd.sekoia+json', true],
    [undefined, true],
    ['text/plain', false],
    ['application/x-www-form-urlencoded', false],
    ['multipart/form-data; boundary=x', false],
  ])('%s → %s', (header, expected) => {
    expect(isJsonContentType(header)).toBe(expected);
  });
});

describe('exceedsJsonDepth', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it.each([
    ['a flat object', '{"a":1}', 1, false],
    ['64 levels', nested(64), 64, false],
    ['65 levels', nested(65), 64, true],
    ['brackets inside strings', `{"a":"${'['.repeat(100)}"}`, 2, false],
    ['an escaped quote inside a string', `{"a":"\\"${'{'.repeat(10)}"}`, 2, false],
    ['objects and arrays mixed', '{"a":[{"b":[{}]}]}', 4, true],
    ['10,000 levels', `{"type":"x","a":${nested(10_000)}}`, 64, true],
  ])('%s', (_label, text, max, expected) => {
    expect(exceedsJsonDepth(text, max)).toBe(expected);
  });
});
