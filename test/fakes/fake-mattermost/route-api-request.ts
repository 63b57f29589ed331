import { type ApiAnswer, type ApiRequest, type ApiRoute, fail, matchPattern } from './api-route.ts';
import type { FakeContext } from './fake-context.ts';
import { handleGetChannel, handleGetChannelMember } from './handle-channel-routes.ts';
import { handleListCommands } from './handle-command-routes.ts';
import { handleClientConfig } from './handle-config-routes.ts';
import { handleOpenDialog } from './handle-dialog-open.ts';
import { handleEphemeralPost } from './handle-ephemeral-post.ts';
import { handleGetGroups } from './handle-group-routes.ts';
import { handleGetChannelPosts, handleGetPost, handleGetThread } from './handle-post-read-routes.ts';
import {
  handleCreatePost,
  handleDeletePost,
  handlePatchPost,
  handleUpdatePost,
} from './handle-post-write-routes.ts';
import { handleGetTeamMember, handleGetUserTeams } from './handle-team-routes.ts';
import { handleGetUser } from './handle-user-routes.ts';
import { routeNotFound, sessionExpired } from './mattermost-error.ts';

/** The `/api/v4` surface the bot uses (reference §6.2). */
export const FAKE_MATTERMOST_ROUTES: readonly ApiRoute[] = [
  { method: 'POST', pattern: 'posts', handle: handleCreatePost },
  { method: 'POST', pattern: 'posts/ephemeral', handle: handleEphemeralPost },
  { method: 'GET', pattern: 'posts/:postId', handle: handleGetPost },
  { method: 'PUT', pattern: 'posts/:postId', handle: handleUpdatePost },
  { method: 'DELETE', pattern: 'posts/:postId', handle: handleDeletePost },
  { method: 'PUT', pattern: 'posts/:postId/patch', handle: handlePatchPost },
  { method: 'GET', pattern: 'posts/:postId/thread', handle: handleGetThread },
  { method: 'GET', pattern: 'channels/:channelId', handle: handleGetChannel },
  { method: 'GET', pattern: 'channels/:channelId/posts', handle: handleGetChannelPosts },
  { method: 'GET', pattern: 'channels/:channelId/members/:userId', handle: handleGetChannelMember },
  { method: 'GET', pattern: 'teams/:teamId/members/:userId', handle: handleGetTeamMember },
  { method: 'GET', pattern: 'users/:userId', handle: handleGetUser },
  { method: 'GET', pattern: 'users/:userId/teams', handle: handleGetUserTeams },
  { method: 'GET', pattern: 'commands', handle: handleListCommands },
  { method: 'GET', pattern: 'groups', handle: handleGetGroups },
  { method: 'POST', pattern: 'actions/dialogs/open', anonymous: true, handle: handleOpenDialog },
  { method: 'GET', pattern: 'config/client', anonymous: true, handle: handleClientConfig },
];

/** `Bearer` in any case (Client4 sends `BEARER`) or `Token` (reference §6.1). */
export function tokenFromHeader(header: string | undefined): string | undefined {
  const match = /^(bearer|token) (.+)$/i.exec(header ?? '');
  return match?.[2]?.trim();
}

export interface RoutedRequest extends Omit<ApiRequest, 'params' | 'authenticated'> {
  authorization: string | undefined;
}

/** Finds the route, then checks the session: 404 for unknown paths, then 401, then the handler. */
export function routeApiRequest(context: FakeContext, request: RoutedRequest): ApiAnswer {
  for (const route of FAKE_MATTERMOST_ROUTES) {
    if (route.method !== request.method) continue;
    const params = matchPattern(route.pattern, request.segments);
    if (params === undefined) continue;
    const authenticated = tokenFromHeader(request.authorization) === context.botToken;
    if (route.anonymous !== true && !authenticated) return fail(sessionExpired());
    return route.handle(context, { ...request, params, authenticated });
  }
  return fail(routeNotFound());
}
