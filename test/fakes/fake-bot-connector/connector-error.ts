/** A Bot Connector error, sent as `{ "error": { "code", "message" } }` (reference teams.md §3.4). */
export interface ConnectorError {
  status: number;
  code: string;
  message: string;
}

export const connectorError = (status: number, code: string, message: string): ConnectorError => ({
  status,
  code,
  message,
});

export const botNotInRoster = (): ConnectorError =>
  connectorError(403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');

export const activityNotFound = (): ConnectorError =>
  connectorError(404, 'ActivityNotFoundInConversation', 'The activity was not found in the conversation.');

// Not in the reference: the code the fake uses for a thread whose root it never saw.
export const conversationNotFound = (): ConnectorError =>
  connectorError(404, 'ConversationNotFound', 'Conversation not found.');

export const memberNotFound = (): ConnectorError =>
  connectorError(404, 'MemberNotFoundInConversation', 'The member was not found in the conversation.');

export const messageTooBig = (): ConnectorError =>
  connectorError(413, 'MessageSizeTooBig', 'Message size too big.');

export const badSyntax = (message: string): ConnectorError => connectorError(400, 'BadSyntax', message);

export const routeNotFound = (): ConnectorError =>
  connectorError(404, 'NotFound', 'No Bot Connector route matches the request.');

export const tooManyRequests = (): ConnectorError =>
  connectorError(429, 'TooManyRequests', 'Too many requests, retry later.');

const DEFAULT_CODES: Readonly<Record<number, string>> = {
  400: 'BadSyntax',
  403: 'Forbidden',
  404: 'NotFound',
  412: 'PreconditionFailed',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/** The error a test injected, its code defaulting to the status's usual name. */
export function injectedError(status: number, code?: string): ConnectorError {
  return connectorError(status, code ?? DEFAULT_CODES[status] ?? 'ServiceError', 'Injected failure.');
}
