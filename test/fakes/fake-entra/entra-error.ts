import { randomUUID } from 'node:crypto';

export interface EntraAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * An error as Entra ID's token endpoint answers it: `error` (the OAuth 2.0 code), `error_description`
 * ("AADSTS<n>: <message>" then Trace ID, Correlation ID and Timestamp lines joined by \r\n),
 * `error_codes`, `timestamp`, `trace_id`, `correlation_id`, `error_uri`. Shape copied from real
 * answers quoted in OfficeDev/microsoft-365-agents-toolkit#8621, vcheckzen/FODI#23 and
 * MicrosoftDocs/azure-docs#43780; Learn "Token Issuance Endpoint Errors" gives the same fields.
 */
export function entraError(
  status: number,
  error: string,
  code: number,
  message: string,
  nowMs: number,
): EntraAnswer {
  const timestamp = new Date(nowMs)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  const traceId = randomUUID();
  const correlationId = randomUUID();
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}
