import type { Clock } from '../../../src/clock.ts';
import { type MattermostError, mmError } from './mattermost-error.ts';
import { newId } from './new-id.ts';

/** The invocation a `response_url` answers for (the server's CommandWebhook). */
export interface CommandInvocation {
  userId: string;
  channelId: string;
  teamId: string;
  rootId: string;
}

// Reference §2.5: five uses within thirty minutes of the invocation.
export const RESPONSE_URL_USES = 5;
export const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;

export interface ResponseUrls {
  create(invocation: CommandInvocation): string;
  /** Counts one use, or says why the hook cannot be used. */
  use(hookId: string): { ok: true; invocation: CommandInvocation } | { ok: false; error: MattermostError };
}

interface Hook {
  invocation: CommandInvocation;
  createdAt: number;
  uses: number;
}

export function createResponseUrls(clock: Clock): ResponseUrls {
  const hooks = new Map<string, Hook>();
  return {
    create(invocation) {
      const id = newId();
      hooks.set(id, { invocation, createdAt: clock.now(), uses: 0 });
      return id;
    },
    use(hookId) {
      const hook = hooks.get(hookId);
      // An expired hook is not found at all: the store only looks at recent ones.
      if (hook === undefined || clock.now() - hook.createdAt > RESPONSE_URL_LIFETIME_MS) {
        return {
          ok: false,
          error: mmError(404, 'app.command_webhook.get.missing', 'Unable to find the webhook.'),
        };
      }
      if (hook.uses >= RESPONSE_URL_USES) {
        const message = 'Unable to use the webhook: it has been used too many times.';
        return { ok: false, error: mmError(400, 'app.command_webhook.try_use.invalid', message) };
      }
      hook.uses += 1;
      return { ok: true, invocation: hook.invocation };
    },
  };
}
