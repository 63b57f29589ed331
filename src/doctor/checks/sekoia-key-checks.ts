import type { CheckOutcome, DoctorCheck } from '../doctor-check.ts';
import { type DoctorSekoia, type ProbeAnswer, statusOf } from './doctor-sekoia.ts';
import { suggestApiUrl } from './sekoia-regions.ts';

const CREATE_KEY =
  'Create a key in Sekoia.io (Settings > Workspace > API Keys) with the permissions listed below, and set SEKOIA_API_KEY.';

/** SEKOIA_API_KEY is set: without it, cards come from the WebHook alone and nothing acts on Sekoia.io. */
export function sekoiaKeySetCheck(): DoctorCheck {
  return {
    id: 'sekoia.key-set',
    group: 'Sekoia.io',
    title: 'SEKOIA_API_KEY',
    run: async ({ config }) =>
      config.SEKOIA_API_KEY === undefined
        ? {
            state: 'fail',
            detail:
              'not set: cards are built from the WebHook alone, the buttons cannot change alerts, and lost WebHooks are not caught up',
            fix: CREATE_KEY,
          }
        : { state: 'ok', detail: 'set' },
  };
}

/** `GET /v1/me` with the key: the key is valid, and SEKOIA_API_URL is the API (reference §1, §2). */
export function sekoiaKeyValidCheck(sekoia: DoctorSekoia): DoctorCheck {
  return {
    id: 'sekoia.key-valid',
    group: 'Sekoia.io',
    title: 'API key accepted (GET /v1/me)',
    async run(context) {
      if (context.config.SEKOIA_API_KEY === undefined) return { state: 'skip', detail: 'no SEKOIA_API_KEY' };
      const answer = await sekoia.me(context);
      return describeMe(answer, context.config);
    },
  };
}

function describeMe(
  answer: ProbeAnswer,
  config: { SEKOIA_API_URL: string; SEKOIA_APP_URL: string },
): CheckOutcome {
  const api = config.SEKOIA_API_URL;
  if (answer.ok) return { state: 'ok', detail: `${api} accepts the key` };
  const { error } = answer;
  const status = statusOf(answer);
  const remote = [error.details.sekoiaCode, error.details.sekoiaMessage].filter(
    (part) => typeof part === 'string',
  );
  const said = remote.length > 0 ? `: ${remote.join(' ')}` : '';
  if (error.code === 'sekoia_unauthorized') {
    return {
      state: 'fail',
      detail: `Sekoia.io refused the key (HTTP 401${said})`,
      fix: `The key is wrong, expired or revoked, or belongs to another region than ${api}. ${CREATE_KEY}`,
    };
  }
  if (status === 404 || error.details.reason === 'not_json' || (status !== undefined && status < 400)) {
    const suggestion = suggestApiUrl(api, config.SEKOIA_APP_URL);
    const what =
      status === 404
        ? 'HTTP 404'
        : status !== undefined && status < 400
          ? `a redirect (HTTP ${status})`
          : 'a web page, not JSON';
    return {
      state: 'fail',
      detail: `${api} does not serve the Sekoia.io API: GET /v1/me answered ${what}`,
      fix:
        suggestion !== undefined && suggestion !== api
          ? `Set SEKOIA_API_URL=${suggestion} (on an app.* host the API sits under /api).`
          : "Set SEKOIA_API_URL to your region's API prefix, e.g. https://api.sekoia.io or https://app.<region>.sekoia.io/api (on an app.* host the API sits under /api).",
    };
  }
  if (error.code === 'sekoia_unavailable' && status === undefined) {
    return {
      state: 'fail',
      detail: `${api} is not reachable from here: ${error.message}`,
      fix: `Check SEKOIA_API_URL, DNS, and the proxy or firewall between this host and ${new URL(api).host}.`,
    };
  }
  return {
    state: 'fail',
    detail: `${error.message}${said}`,
    fix:
      status === 429
        ? 'Sekoia.io limits the rate: wait a minute and run the doctor again.'
        : 'Check SEKOIA_API_URL and try again later.',
  };
}
