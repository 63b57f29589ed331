import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isJsonContentType } from '../../src/ingress/read-json-body.ts';
import { dedupeKeysOf, sekoiaEventSchema } from '../../src/ingress/sekoia-event-schema.ts';
import { createSecretVerifier } from '../../src/ingress/verify-secret.ts';

const created = JSON.parse(
  readFileSync(new URL('../fixtures/sekoia/alert-created.json', import.meta.url), 'utf8'),
);

describe('sekoiaEventSchema', () => {
  it('accepts the reference example and keeps unknown fields', () => {
    const event = sekoiaEventSchema.parse({ ...created, extra: { nested: true } });
    expect(event.type).toBe('alert');
    expect(event).toHaveProperty('extra');
  });

  it.each([
    ['no type', { ...created, type: undefined }],
    ['an empty type', { ...created, type: '' }],
    ['a type with markup', { ...created, type: '<b>x</b>' }],
    ['no attributes', { ...created, attributes: undefined }],
    ['an alert without a UUID', { ...created, attributes: { short_id: 'ALq8Rt2vXk3m' } }],
    ['an alert with a non-UUID', { ...created, attributes: { uuid: '../../v1/me' } }],
    ['a short id with a path', { ...created, attributes: { ...created.attributes, short_id: 'AL/../x' } }],
    ['no creation time', { ...created, metadata: { version: 2 } }],
    ['an array', [created]],
    ['a string', 'alert'],
    ['null', null],
  ])('refuses %s', (_label, body) => {
    expect(sekoiaEventSchema.safeParse(body).success).toBe(false);
  });

  it('accepts an unknown type with unknown attributes, and metadata.created instead of created_at', () => {
    const event = sekoiaEventSchema.parse({
      type: 'connector-error',
      action: 'created',
      attributes: { anything: [1, 2] },
      metadata: { created: '2026-03-02T08:15:42+00:00' },
    });
    expect(event.type).toBe('connector-error');
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
