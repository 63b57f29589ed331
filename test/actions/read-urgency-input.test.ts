import { describe, expect, it } from 'vitest';
import { readUrgencyInput } from '../../src/actions/read-urgency-input.ts';

describe('readUrgencyInput (the Change urgency form)', () => {
  it.each([
    [{ urgency: 85, reason: 'confirmed C2' }, 85, 'confirmed C2'],
    [{ urgency: '0', reason: '  lab host  ' }, 0, 'lab host'],
    [{ urgency: ' 100 ', reason: 'x' }, 100, 'x'],
  ])('takes %j', (fields, urgency, reason) => {
    expect(readUrgencyInput(fields)).toEqual({ ok: true, value: { urgency, reason } });
  });

  it.each([
    [{ urgency: 101, reason: 'r' }],
    [{ urgency: -1, reason: 'r' }],
    [{ urgency: 85.5, reason: 'r' }],
    [{ urgency: '8e1', reason: 'r' }],
    [{ urgency: '85.0', reason: 'r' }],
    [{ urgency: '0x55', reason: 'r' }],
    [{ urgency: '', reason: 'r' }],
    [{ urgency: 'high', reason: 'r' }],
    [{ urgency: null, reason: 'r' }],
    [{ reason: 'r' }],
  ])('refuses the urgency of %j, naming the field', (fields) => {
    expect(readUrgencyInput(fields)).toEqual({
      ok: false,
      error: { field: 'urgency', message: 'The urgency is a whole number from 0 to 100.' },
    });
  });

  it.each([
    [{ urgency: 50 }],
    [{ urgency: 50, reason: '   ' }],
    [{ urgency: 50, reason: 'x'.repeat(2001) }],
    [{ urgency: 50, reason: 42 }],
  ])('refuses the reason of %j', (fields) => {
    expect(readUrgencyInput(fields)).toMatchObject({ ok: false, error: { field: 'reason' } });
  });

  it('refuses a missing form', () => {
    expect(readUrgencyInput(undefined).ok).toBe(false);
  });
});
