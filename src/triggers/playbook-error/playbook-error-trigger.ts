import type { FactsOf, KeySpecs } from '../key-spec.ts';
import { defineTrigger } from '../trigger-definition.ts';
import { normalizePlaybookError } from './normalize-playbook-error.ts';

const PLAYBOOK_ERROR_KEYS = {
  playbook: { kind: 'ref', example: 'playbook="Enrich IP"' },
  crashed: { kind: 'boolean', example: 'crashed=true', single: true },
} as const satisfies KeySpecs;

export type PlaybookErrorFacts = FactsOf<'playbook-error', typeof PLAYBOOK_ERROR_KEYS>;

/** WebHook types of a playbook error (the payload is undocumented: reference sekoia-api §10.3). */
const PLAYBOOK_TYPES: ReadonlySet<string> = new Set([
  'playbook',
  'playbook-error',
  'playbook_run',
  'playbook-run',
]);

/** A playbook run that failed, from its WebHook. */
export const playbookErrorTrigger = defineTrigger({
  name: 'playbook-error',
  label: 'Playbook error',
  keys: PLAYBOOK_ERROR_KEYS,
  fromWebhook: async ({ event, attributes, appUrl }) =>
    PLAYBOOK_TYPES.has(event.type) ? normalizePlaybookError({ event, attributes, appUrl }) : undefined,
});
