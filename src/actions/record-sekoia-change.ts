import type { SekoiaApi } from '../sekoia/sekoia-api.ts';

type ChangingCalls = Pick<SekoiaApi, 'patchWorkflow' | 'patchAlert' | 'postComment'>;

export interface SekoiaChangeRecorder<T> {
  /** The same port, with the changing calls noted. */
  sekoia: T;
  /** Whether Sekoia.io accepted the change (PATCH workflow or alert, POST comment) during this click. */
  changed(): boolean;
}

/**
 * The Sekoia.io port of one click. An action is done once Sekoia.io accepted the change; what
 * follows (re-reading the alert for the card) may still fail or time out, and the action must then
 * be reported as done, never as failed. This port tells the two apart from outside the actions.
 */
export function recordSekoiaChange<T extends ChangingCalls>(sekoia: T): SekoiaChangeRecorder<T> {
  let changed = false;
  const note = async <R>(call: Promise<R>): Promise<R> => {
    const result = await call;
    changed = true;
    return result;
  };
  return {
    sekoia: {
      ...sekoia,
      // The options carry the click's priority (interactive, ahead of background reads).
      patchWorkflow: (alertUuid, input, options) => note(sekoia.patchWorkflow(alertUuid, input, options)),
      patchAlert: (alertUuid, input, options) => note(sekoia.patchAlert(alertUuid, input, options)),
      postComment: (alertUuid, input, options) => note(sekoia.postComment(alertUuid, input, options)),
    },
    changed: () => changed,
  };
}
