import type { EventRef } from '../../normalize/notification.ts';
import { playbooksLink } from '../../normalize/sekoia-links.ts';
import type { TriggerNotification } from '../trigger-notification.ts';
import type { PlaybookErrorFacts } from './playbook-error-trigger.ts';

const text = (value: unknown, max = 2_000): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.slice(0, max) : undefined;

/**
 * A playbook error WebHook, read defensively: its payload is not documented (reference sekoia-api
 * §10.3), so the usual spellings are tried and anything else is left out.
 */
export function normalizePlaybookError(input: {
  event: EventRef;
  attributes: Readonly<Record<string, unknown>>;
  appUrl: string;
}): TriggerNotification<PlaybookErrorFacts> {
  const a = input.attributes;
  const nested = (typeof a.playbook === 'object' && a.playbook !== null ? a.playbook : {}) as Record<
    string,
    unknown
  >;
  const uuid = text(a.playbook_uuid, 64) ?? text(nested.uuid, 64) ?? text(a.uuid, 64);
  const name = text(a.playbook_name, 200) ?? text(nested.name, 200) ?? text(a.name, 200);
  const error = text(a.error) ?? text(a.message) ?? text(a.error_message);
  const crashed = typeof a.crashed === 'boolean' ? a.crashed : undefined;
  return {
    kind: 'trigger',
    trigger: 'playbook-error',
    event: input.event,
    subject: `playbook-error:${input.event.id}`,
    facts: { trigger: 'playbook-error', playbook: uuid || name ? [{ uuid, name }] : [], crashed },
    summary: {
      title: `Playbook error: ${name ?? uuid ?? 'unknown playbook'}`,
      link: playbooksLink(input.appUrl),
      linkLabel: 'Open the playbooks in Sekoia.io',
      tone: crashed ? 'danger' : 'warning',
      badge: crashed === undefined ? undefined : crashed ? 'CRASHED' : 'did not crash',
      facts: [
        ...(name ? [{ title: 'Playbook', value: name }] : []),
        ...(uuid ? [{ title: 'Playbook id', value: uuid }] : []),
        { title: 'Crashed', value: crashed === undefined ? 'unknown' : crashed ? 'yes' : 'no' },
      ],
      text: error,
    },
  };
}
