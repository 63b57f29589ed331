export interface SentWebhook {
  /** Every answer, in order: HTTP statuses, or 0 for a connection that failed. */
  statuses: number[];
  /** Retry-After headers of the refusals. */
  retryAfter: string[];
}

export interface WebhookSender {
  /** Sends one notification until it is answered 202 (or the attempts run out). */
  send(body: string): Promise<SentWebhook>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends notifications as Sekoia.io does, and sends one again when it is not answered `202`: a `503`
 * (store down, `Retry-After`), a `502` from the balancer, or a connection lost. Sekoia.io's WebHook
 * retry policy is not documented (reference sekoia-api §3.2); its SDK retries 5xx and network errors
 * with backoff, so the sender does, quickly: the tests are about what the bot keeps, not the wait.
 */
export function createWebhookSender(url: string, options: { attempts?: number } = {}): WebhookSender {
  const attempts = options.attempts ?? 100;
  return {
    async send(body) {
      const sent: SentWebhook = { statuses: [], retryAfter: [] };
      for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
            signal: AbortSignal.timeout(10_000),
          });
          await response.arrayBuffer();
          sent.statuses.push(response.status);
          if (response.status === 202) return sent;
          const retryAfter = response.headers.get('retry-after');
          if (retryAfter !== null) sent.retryAfter.push(retryAfter);
          // 4xx other than 429 are not retried (Sekoia's SDK does not retry them either).
          if (response.status < 500 && response.status !== 429) return sent;
        } catch {
          sent.statuses.push(0);
        }
        await sleep(Math.min(1_000, 100 * attempt));
      }
      return sent;
    },
  };
}
