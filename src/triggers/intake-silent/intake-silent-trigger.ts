import type { FactsOf, KeySpecs } from '../key-spec.ts';
import { defineTrigger } from '../trigger-definition.ts';
import { normalizeIntakeSilence } from './normalize-intake-silence.ts';
import { readIntakeInactivity } from './read-intake-inactivity.ts';

const MINUTE = 60_000;

const INTAKE_SILENT_KEYS = {
  intake: { kind: 'ref', example: 'intake="Firewall EU"', single: true },
  for: { kind: 'duration', example: 'for=2h', min: 15 * MINUTE, max: 24 * 60 * MINUTE, single: true },
} as const satisfies KeySpecs;

export type IntakeSilentFacts = FactsOf<'intake-silent', typeof INTAKE_SILENT_KEYS>;

/** An intake with no events for a while: found by the intake-silence poll, or told by Sekoia.io's WebHook. */
export const intakeSilentTrigger = defineTrigger({
  name: 'intake-silent',
  label: 'Intake silent',
  keys: INTAKE_SILENT_KEYS,
  required: ['intake', 'for'],
  fromWebhook: async ({ event, attributes, appUrl, ports }) => {
    const inactivity = readIntakeInactivity(event, attributes);
    if (inactivity === undefined || !ports.intakeSilences) return undefined;
    // The same silence, hence the same card, as the poll's (a later poll edits it, never reposts).
    const silence = await ports.intakeSilences.open(inactivity);
    return normalizeIntakeSilence({ event, silence, appUrl });
  },
  watcher: 'watchers/create-intake-silence-check.ts (job `intake-silence`)',
});
