/** An API error before `request_id` is known; sent as the JSON of reference §6.6. */
export interface MattermostError {
  status: number;
  id: string;
  message: string;
}

export function mmError(status: number, id: string, message: string): MattermostError {
  return { status, id, message };
}

export const sessionExpired = (): MattermostError =>
  mmError(401, 'api.context.session_expired.app_error', 'Invalid or expired session, please login again.');

export const permissionDenied = (): MattermostError =>
  mmError(403, 'api.context.permissions.app_error', 'You do not have the appropriate permissions.');

export const invalidBodyParam = (name: string): MattermostError =>
  mmError(400, 'api.context.invalid_body_param.app_error', `Invalid or missing ${name} in request body.`);

export const invalidUrlParam = (name: string): MattermostError =>
  mmError(
    400,
    'api.context.invalid_url_param.app_error',
    `Invalid or missing ${name} parameter in request URL.`,
  );

export const routeNotFound = (): MattermostError =>
  mmError(404, 'api.context.404.app_error', 'Sorry, we could not find the page.');

export const postNotFound = (): MattermostError =>
  mmError(404, 'app.post.get.app_error', 'Unable to get the post.');

export const channelNotFound = (): MattermostError =>
  mmError(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');

export const userNotFound = (): MattermostError =>
  mmError(404, 'app.user.missing_account.const', 'Unable to find the user.');

export const bodyTooLarge = (): MattermostError =>
  mmError(413, 'api.context.request_body_too_large.app_error', 'The request body is too large.');
