import type { Logger } from '../../log.ts';
import type { ResponseUrlResolver } from './create-response-url-resolver.ts';

/** A late answer through `response_url`, only when it is a command hook of the configured server. */
export async function postFollowUp(
  responseUrl: string | undefined,
  responseUrls: Pick<ResponseUrlResolver, 'resolve'>,
  text: string,
  log: Logger,
) {
  const url = responseUrl === undefined ? undefined : await responseUrls.resolve(responseUrl);
  if (url === undefined) {
    log.warn('the response_url is not a command hook of the configured Mattermost; a late answer is dropped');
    return;
  }
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', text }),
      redirect: 'error',
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) log.warn({ status: response.status }, 'late answer refused by Mattermost');
  } catch (error) {
    log.warn({ err: error instanceof Error ? error.message : 'unknown' }, 'late answer could not be sent');
  }
}
