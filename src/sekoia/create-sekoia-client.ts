import { z } from 'zod';
import { alertPageSchema } from './alert-page-schema.ts';
import { alertSchema } from './alert-schema.ts';
import { assetSchema } from './asset-schema.ts';
import { sekoiaPath } from './build-sekoia-url.ts';
import { commentSchema } from './comment-schema.ts';
import { createTriggerEndpoints } from './create-trigger-endpoints.ts';
import { listAlertsQuery } from './list-alerts-query.ts';
import { parseSekoiaResponse } from './parse-sekoia-response.ts';
import { profileSchema } from './profile-schema.ts';
import type { SekoiaApi } from './sekoia-api.ts';
import { createSekoiaTransport, type SekoiaTransportOptions } from './send-sekoia-request.ts';
import { assertSekoiaAlertId } from './validate-alert-id.ts';
import { assertSekoiaUuid } from './validate-sekoia-uuid.ts';
import { workflowResponseSchema } from './workflow-schema.ts';

export type CreateSekoiaClientOptions = SekoiaTransportOptions;

const meSchema = z.looseObject({});

function alertPath(id: string, ...rest: string[]): string {
  return sekoiaPath('v1', 'sic', 'alerts', assertSekoiaAlertId(id), ...rest);
}

export function createSekoiaClient(options: CreateSekoiaClientOptions): SekoiaApi {
  const send = createSekoiaTransport(options);
  return {
    ...createTriggerEndpoints(send),
    async getAlert(idOrShortId, { priority } = {}) {
      const path = alertPath(idOrShortId);
      const body = await send({ method: 'GET', path, query: { stix: false }, priority });
      return parseSekoiaResponse(alertSchema, body, 'alert');
    },
    async listAlerts(input, { priority } = {}) {
      const query = listAlertsQuery(input);
      const body = await send({ method: 'GET', path: sekoiaPath('v1', 'sic', 'alerts'), query, priority });
      return parseSekoiaResponse(alertPageSchema, body, 'alert list');
    },
    async getWorkflow(alertUuid, { priority } = {}) {
      const body = await send({ method: 'GET', path: alertPath(alertUuid, 'workflow'), priority });
      return parseSekoiaResponse(workflowResponseSchema, body, 'workflow').actions;
    },
    async patchWorkflow(alertUuid, input, { priority, apiKey } = {}) {
      const path = alertPath(alertUuid, 'workflow');
      const payload = {
        action_uuid: input.actionUuid,
        ...(input.comment === undefined ? {} : { comment: input.comment }),
      };
      // Documented answers vary (`{}` or `{"actions": […]}`, reference §13): every 2xx is success.
      await send({ method: 'PATCH', path, body: payload, priority, apiKey });
    },
    async patchAlert(alertUuid, input, { priority, apiKey } = {}) {
      // The answer is the edited alert; the card re-reads it anyway, so every 2xx is success.
      const body = { urgency: input.urgency };
      await send({ method: 'PATCH', path: alertPath(alertUuid), body, priority, apiKey });
    },
    async postComment(alertUuid, input, { priority, apiKey } = {}) {
      const path = alertPath(alertUuid, 'comments');
      const payload = {
        content: input.content,
        ...(input.author === undefined ? {} : { author: input.author }),
      };
      const body = await send({ method: 'POST', path, body: payload, priority, apiKey });
      return parseSekoiaResponse(commentSchema, body, 'comment');
    },
    async getAsset(uuid) {
      const path = sekoiaPath('v2', 'asset-management', 'assets', assertSekoiaUuid(uuid, 'asset'));
      return parseSekoiaResponse(assetSchema, await send({ method: 'GET', path }), 'asset');
    },
    async whoAmI(apiKey) {
      const body = await send({
        method: 'GET',
        path: sekoiaPath('v1', 'me'),
        priority: 'interactive',
        apiKey,
      });
      return parseSekoiaResponse(profileSchema, body, 'profile');
    },
    async ping() {
      // Parsing catches a base URL that answers HTML (the web app instead of the API).
      parseSekoiaResponse(meSchema, await send({ method: 'GET', path: sekoiaPath('v1', 'me') }), 'profile');
    },
  };
}
