import { type ApiAnswer, type ApiRequest, answer, fail, param } from './api-route.ts';
import type { FakeContext } from './fake-context.ts';
import type { FakeUser } from './fake-model.ts';
import { userNotFound } from './mattermost-error.ts';

function userJson(user: FakeUser): Record<string, unknown> {
  return {
    id: user.id,
    create_at: 0,
    update_at: 0,
    delete_at: 0,
    username: user.username,
    auth_data: '',
    auth_service: '',
    email: `${user.username}@example.invalid`,
    nickname: '',
    first_name: '',
    last_name: '',
    position: '',
    roles: user.roles,
    locale: 'en',
    is_bot: user.isBot,
    ...(user.isBot ? { bot_description: '' } : {}),
  };
}

/** `GET /users/{id}` and `GET /users/me`. */
export function handleGetUser(context: FakeContext, request: ApiRequest): ApiAnswer {
  const requested = param(request, 'userId');
  const user = context.users.get(requested === 'me' ? context.botUserId : requested);
  return user === undefined ? fail(userNotFound()) : answer(200, userJson(user));
}
