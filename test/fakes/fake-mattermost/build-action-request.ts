import { type FakeContext, teamName } from './fake-context.ts';
import { type FakePost, type FakeUser, isRecord } from './fake-model.ts';

export interface ActionRequestInput {
  post: FakePost;
  action: Record<string, unknown>;
  user: FakeUser;
  selectedOption: string;
}

/** The PostActionIntegrationRequest of reference §4.3, keys in the server's struct order. */
export function buildActionRequest(context: FakeContext, input: ActionRequestInput): Record<string, unknown> {
  const { post, action, user } = input;
  const channel = context.channels.get(post.channel_id);
  const teamId = channel?.teamId ?? '';
  const integration = isRecord(action.integration) ? action.integration : {};
  let actionContext = isRecord(integration.context) ? structuredClone(integration.context) : null;
  let dataSource = '';
  if (action.type === 'select' && input.selectedOption !== '') {
    actionContext = { ...(actionContext ?? {}), selected_option: input.selectedOption };
    dataSource = typeof action.data_source === 'string' ? action.data_source : '';
  }
  return {
    user_id: user.id,
    user_name: user.username,
    channel_id: post.channel_id,
    channel_name: channel?.name ?? '',
    team_id: teamId,
    team_domain: teamName(context, teamId),
    post_id: post.id,
    trigger_id: context.triggers.issue(user.id, { channelId: post.channel_id, teamId }),
    type: typeof action.type === 'string' ? action.type : '',
    data_source: dataSource,
    context: actionContext,
  };
}
