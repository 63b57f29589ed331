import type { Logger } from '../log.ts';
import type { EventRef } from '../normalize/notification.ts';
import type { FactsOf, KeySpecs } from './key-spec.ts';
import type { TriggerNotification } from './trigger-notification.ts';
import type { TriggerPorts } from './trigger-ports.ts';

/** A stored WebHook offered to a trigger, with the Sekoia.io reads it may need. */
export interface WebhookInput {
  event: EventRef;
  attributes: Readonly<Record<string, unknown>>;
  appUrl: string;
  ports: TriggerPorts;
  /** The job's attempt (1 on the first try) and how many an API read may take before giving up. */
  attempts: number;
  enrichAttempts: number;
  log: Logger;
}

/**
 * One trigger, whole: its name, its condition keys (which fix its facts' type), and how its
 * notifications arrive. Listed once in trigger-table.ts; rules, help, dispatch and cards read that.
 */
export interface TriggerDefinition<Name extends string = string, Keys extends KeySpecs = KeySpecs> {
  readonly name: Name;
  /** In words: the compact card's headline when it has no title, and its one-line summary. */
  readonly label: string;
  /** The condition keys, in the order help shows them. */
  readonly keys: Keys;
  /** Keys a rule of the trigger must have, each once, with `=`. */
  readonly required?: readonly (keyof Keys & string)[];
  /** Rules of these triggers are matched too (an alert update against `alert-raised` rules). */
  readonly alsoMatches?: readonly string[];
  /**
   * The WebHook → this trigger's notification, or undefined when the WebHook is not this trigger's
   * (the next trigger in the table is asked). Throws for the queue to retry while a read may heal.
   */
  readonly fromWebhook?: (
    input: WebhookInput,
  ) => Promise<TriggerNotification<FactsOf<Name, Keys>> | undefined>;
  /** What else feeds it (a watcher in src/watchers/, through a queue job). */
  readonly watcher?: string;
}

/** Keeps the literal name and keys, so that the facts are typed per trigger. */
export function defineTrigger<const Name extends string, const Keys extends KeySpecs>(
  definition: TriggerDefinition<Name, Keys>,
): TriggerDefinition<Name, Keys> {
  return definition;
}

/** The facts a trigger's notifications carry. */
export type FactsOfTrigger<T> =
  T extends TriggerDefinition<infer Name, infer Keys> ? FactsOf<Name, Keys> : never;

/** An alert trigger: keys only (alerts have their own path and rich card). */
export function defineAlertTrigger<const Name extends string, const Keys extends KeySpecs>(
  definition: Omit<TriggerDefinition<Name, Keys>, 'fromWebhook' | 'watcher'>,
): Omit<TriggerDefinition<Name, Keys>, 'fromWebhook' | 'watcher'> {
  return definition;
}
