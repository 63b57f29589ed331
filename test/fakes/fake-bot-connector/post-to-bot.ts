import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface BotCall {
  /** The bot's messaging endpoint; a bare origin gets `/api/messages`. */
  botUrl: string;
  activity: Record<string, unknown>;
  authorization?: string;
  timeoutMs: number;
}

export interface BotReply {
  /** 0 when no HTTP answer came (connection error, timeout). */
  status: number;
  /** Parsed JSON, the raw text if not JSON, undefined if empty. */
  body: unknown;
  error?: string;
  /** No answer within the wait: the Teams client shows its generic error. */
  timedOut?: true;
}

export function messagingEndpoint(botUrl: string): URL {
  const url = new URL(botUrl);
  return url.pathname === '/' ? new URL('/api/messages', url) : url;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: handed back as text for the test to see.
    return text;
  }
}

/** One POST from Teams to the bot, with Node's http client so the headers are exactly these. */
export function postToBot(call: BotCall): Promise<BotReply> {
  const target = messagingEndpoint(call.botUrl);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    'User-Agent': 'Microsoft-SkypeBotApi (Microsoft-BotFramework/3.0)',
    ...(call.authorization === undefined ? {} : { Authorization: call.authorization }),
  };
  return new Promise((resolve) => {
    let timedOut = false;
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(target, { method: 'POST', headers, timeout: call.timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: parseBody(Buffer.concat(chunks).toString('utf8')),
        }),
      );
    });
    outgoing.on('timeout', () => {
      timedOut = true;
      outgoing.destroy(new Error(`the bot did not answer in ${call.timeoutMs} ms`));
    });
    outgoing.on('error', (error) =>
      resolve({
        status: 0,
        body: undefined,
        error: error.message,
        ...(timedOut ? { timedOut: true as const } : {}),
      }),
    );
    outgoing.end(JSON.stringify(call.activity));
  });
}
