import type { ConnectorContext } from './connector-context.ts';
import { routeNotFound } from './connector-error.ts';
import {
  type ConnectorAnswer,
  type ConnectorRequest,
  type ConnectorRoute,
  fail,
  matchPattern,
} from './connector-route.ts';
import { handleDeleteActivity, handleSendActivity, handleUpdateActivity } from './handle-activity-routes.ts';
import { handleCreateConversation } from './handle-create-conversation.ts';
import {
  handleGetMember,
  handleGetMembers,
  handleGetPagedMembers,
  handleGetTeamChannels,
  handleGetTeamDetails,
} from './handle-member-routes.ts';

const CONVERSATION = 'v3/conversations/:conversationId';

/** The connector surface the bot uses (reference teams.md §3.4, §8.3). */
export const FAKE_BOT_CONNECTOR_ROUTES: readonly ConnectorRoute[] = [
  { method: 'POST', pattern: 'v3/conversations', handle: handleCreateConversation },
  { method: 'POST', pattern: `${CONVERSATION}/activities`, handle: handleSendActivity },
  { method: 'POST', pattern: `${CONVERSATION}/activities/:activityId`, handle: handleSendActivity },
  { method: 'PUT', pattern: `${CONVERSATION}/activities/:activityId`, handle: handleUpdateActivity },
  { method: 'DELETE', pattern: `${CONVERSATION}/activities/:activityId`, handle: handleDeleteActivity },
  { method: 'GET', pattern: `${CONVERSATION}/members`, handle: handleGetMembers },
  { method: 'GET', pattern: `${CONVERSATION}/pagedmembers`, handle: handleGetPagedMembers },
  { method: 'GET', pattern: `${CONVERSATION}/members/:memberId`, handle: handleGetMember },
  { method: 'GET', pattern: 'v3/teams/:teamId/conversations', handle: handleGetTeamChannels },
  { method: 'GET', pattern: 'v3/teams/:teamId', handle: handleGetTeamDetails },
];

export function routeConnectorRequest(
  context: ConnectorContext,
  request: Omit<ConnectorRequest, 'params'>,
): ConnectorAnswer {
  for (const route of FAKE_BOT_CONNECTOR_ROUTES) {
    if (route.method !== request.method) continue;
    const params = matchPattern(route.pattern, request.segments);
    if (params !== undefined) return route.handle(context, { ...request, params });
  }
  return fail(routeNotFound());
}
