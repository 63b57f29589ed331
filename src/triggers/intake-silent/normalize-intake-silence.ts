import type { EventRef } from '../../normalize/notification.ts';
import { intakesLink } from '../../normalize/sekoia-links.ts';
import type { TriggerNotification } from '../trigger-notification.ts';
import type { IntakeSilentFacts } from './intake-silent-trigger.ts';

export interface IntakeSilence {
  intake: { uuid: string; name: string | undefined };
  /** Epoch ms of the start of the window with no event. */
  silentSince: number;
  /** How long it has been silent when checked (ms); `for=2h` rules match from 2h on. */
  silentForMs: number;
  /** Epoch ms at which events were seen again, when they are back. */
  backAt: number | undefined;
}

/** `2h`, `45m`, `1d3h`: how long, for the badge. */
function formatSpan(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const [d, h, m] = [Math.floor(minutes / 1_440), Math.floor((minutes % 1_440) / 60), minutes % 60];
  return `${d ? `${d}d` : ''}${h ? `${h}h` : ''}${m || (!d && !h) ? `${m}m` : ''}`;
}

const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * A silence of an intake → its card; the same silence back to normal → the same subject, so the
 * card is edited to "events are back" instead of a new one being posted.
 */
export function normalizeIntakeSilence(input: {
  event: EventRef;
  silence: IntakeSilence;
  appUrl: string;
}): TriggerNotification<IntakeSilentFacts> {
  const { intake, silentSince, silentForMs, backAt } = input.silence;
  const name = intake.name ?? intake.uuid;
  const back = backAt !== undefined;
  return {
    kind: 'trigger',
    trigger: 'intake-silent',
    event: input.event,
    subject: `intake-silent:${intake.uuid}:${silentSince}`,
    facts: { trigger: 'intake-silent', intake: [{ uuid: intake.uuid, name: intake.name }], for: silentForMs },
    summary: {
      title: back ? `Events are back: ${name}` : `Intake silent: ${name}`,
      link: intakesLink(input.appUrl),
      linkLabel: 'Open the intakes in Sekoia.io',
      tone: back ? 'good' : 'warning',
      badge: back ? 'events are back' : `silent ${formatSpan(silentForMs)}+`,
      facts: [
        { title: 'Intake', value: name },
        { title: 'Silent since', value: iso(silentSince) },
        ...(back ? [{ title: 'Events again at', value: iso(backAt) }] : []),
      ],
      text: undefined,
    },
  };
}
