import type { CheckOutcome } from '../../doctor/doctor-check.ts';
import type { ApiReply } from './fetch-mattermost-api.ts';

/** A reply a check has no specific advice for (the token worked a moment before): what came, and where to look. */
export function unexpectedAnswer(reply: ApiReply, request: string): CheckOutcome {
  if (reply.kind === 'unreachable') {
    return {
      state: 'fail',
      detail: `${request}: ${reply.reason}`,
      fix: 'Run the doctor again; if it persists, check the network path to MATTERMOST_URL.',
    };
  }
  if (reply.kind === 'foreign') {
    return {
      state: 'fail',
      detail: `${request} answered ${reply.status} (${reply.contentType || 'no content type'}), not Mattermost's JSON`,
      fix: 'A proxy in front of Mattermost may be answering for it: check the proxy, or set MATTERMOST_URL to the server itself.',
    };
  }
  const id = reply.errorId === '' ? 'an unexpected body' : reply.errorId;
  return {
    state: 'fail',
    detail: `${request} answered ${reply.status} (${id})`,
    fix:
      reply.status === 429
        ? "Mattermost's rate limiter refused the request: run the doctor again in a minute."
        : 'Look for this request in the Mattermost server log (System Console > Reporting > Server Logs).',
  };
}
