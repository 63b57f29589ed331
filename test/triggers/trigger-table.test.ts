import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRIGGER_NAMES } from '../../src/delivery/compact-card-text.ts';
import { compactJobSchema } from '../../src/delivery/compact-job.ts';
import { KEY_SPECS, SINGLE_KEYS } from '../../src/rules/condition-keys.ts';
import { parseSubscription } from '../../src/rules/parse-subscription.ts';
import { TRIGGERS } from '../../src/rules/triggers.ts';
import { createTriggerCatalog } from '../../src/triggers/create-trigger-catalog.ts';
import { defineTrigger } from '../../src/triggers/trigger-definition.ts';
import { COMPACT_TRIGGERS, TRIGGER_TABLE } from '../../src/triggers/trigger-table.ts';
import { type Harness, onlyReply, startHarness } from '../commands/command-harness.ts';

/** The README's worked example: a seventh trigger, as its own module would declare it. */
const caseCreated = defineTrigger({
  name: 'case-created',
  label: 'Case created',
  keys: {
    priority: { kind: 'level', example: 'priority>=high', min: 0, max: 100 },
    entity: { kind: 'ref', example: 'entity="Lyon HQ"' },
  },
  required: ['priority'],
  fromWebhook: async () => undefined,
});

/** The help example, with a value the parser takes (the community one names a placeholder). */
const valid = (example: string) =>
  example.replace('<community UUID>', '0b7c6f1e-2d3a-4e5f-8a9b-1c2d3e4f5a6b');

const requiredExamples = (trigger: (typeof TRIGGER_TABLE)[number]) =>
  ('required' in trigger ? (trigger.required ?? []) : []).map(
    (key) => (trigger.keys as Record<string, { example: string }>)[key]?.example ?? '',
  );

describe('the trigger table is the one list of triggers', () => {
  let bot: Harness;
  beforeEach(async () => {
    bot = await startHarness();
  });
  afterEach(() => bot.close());

  it('help subscribe lists exactly the table, each trigger with its keys in order', async () => {
    const subscribe = onlyReply(await bot.run('help subscribe'));
    const triggerLines = (subscribe.lines ?? []).filter((line) => /^[a-z-]+: /.test(line));
    expect(triggerLines).toEqual(
      TRIGGER_TABLE.map(
        (trigger) =>
          `${trigger.name}: ${Object.values(trigger.keys)
            .map((spec) => spec.example)
            .join(', ')}`,
      ),
    );
  });

  it('subscribe takes each trigger of the table with every one of its keys, and no other key', () => {
    expect(TRIGGERS).toEqual(TRIGGER_TABLE.map((trigger) => trigger.name));
    const allKeys = Object.keys(KEY_SPECS);
    for (const trigger of TRIGGER_TABLE) {
      const keys = Object.entries(trigger.keys);
      const required = requiredExamples(trigger);
      for (const [key, spec] of keys) {
        const extra = required.filter((example) => !example.startsWith(`${key}=`));
        const draft = parseSubscription([trigger.name, valid(spec.example), ...extra].join(' '));
        expect(draft.conditions.map((condition) => condition.key)).toContain(key);
        expect(SINGLE_KEYS.has(key as keyof typeof KEY_SPECS)).toBe('single' in spec && spec.single === true);
      }
      for (const other of allKeys.filter((key) => !(key in trigger.keys))) {
        const example = KEY_SPECS[other as keyof typeof KEY_SPECS].example;
        expect(() => parseSubscription(`${trigger.name} ${valid(example)} ${required.join(' ')}`)).toThrow(
          `"${other}" is not a condition of ${trigger.name}`,
        );
      }
    }
  });

  it('compact cards know the label of every trigger but the alerts, and the compact job takes exactly those', () => {
    expect(COMPACT_TRIGGERS).toEqual(TRIGGERS.filter((name) => !name.startsWith('alert-')));
    expect(TRIGGER_NAMES).toMatchObject(
      Object.fromEntries(TRIGGER_TABLE.map((trigger) => [trigger.name, trigger.label])),
    );
    const job = (trigger: string) =>
      compactJobSchema.safeParse({
        subject: 's',
        channel: { platform: 'mattermost', team: 't', channel: 'c' },
        rule: null,
        trigger,
        summary: { title: 't', linkLabel: 'l', tone: 'info', facts: [] },
      }).success;
    expect(COMPACT_TRIGGERS.every(job)).toBe(true);
    expect(job('alert-raised')).toBe(false);
  });

  it('a seventh trigger is one more line: its name, keys, required keys and label follow from its module', () => {
    const catalog = createTriggerCatalog([...TRIGGER_TABLE, caseCreated]);
    expect(catalog.triggers.at(-1)).toBe('case-created');
    expect(catalog.keysOf['case-created']).toEqual(['priority', 'entity']);
    expect(catalog.requiredKeysOf['case-created']).toEqual(['priority']);
    expect(catalog.matchedBy['case-created']).toEqual(['case-created']);
    expect(catalog.labels['case-created']).toBe('Case created');
    expect(catalog.conditionKeys.at(-1)).toBe('priority');
    expect(catalog.keySpecs.priority).toEqual(caseCreated.keys.priority);
  });

  it('refuses a table where two triggers give one key two meanings, or a name twice', () => {
    const clash = defineTrigger({
      name: 'x',
      label: 'X',
      keys: { entity: { kind: 'text', example: 'entity=a' } },
    });
    expect(() => createTriggerCatalog([...TRIGGER_TABLE, clash])).toThrow('key "entity" of x');
    expect(() => createTriggerCatalog([...TRIGGER_TABLE, caseCreated, caseCreated])).toThrow('listed twice');
  });
});
