import {
  type CommandResponse,
  deliverCommandResponse,
  parseCommandResponse,
} from './apply-command-response.ts';
import { buildCommandForm } from './build-command-form.ts';
import { callIntegration, type IntegrationReply } from './call-integration.ts';
import { refuseCommandLine } from './check-command-line.ts';
import type { FakeContext } from './fake-context.ts';
import type { FakePost } from './fake-model.ts';
import { mustFindChannel, mustFindTeam, mustFindUser } from './must-find.ts';
import { sekoiaCommandToken } from './slash-commands.ts';

export interface SlashCommandInput {
  /** The command's Request URL, i.e. the bot's route. */
  url: string;
  /** Default: the channel's team, else the first team. */
  teamId?: string;
  channelId: string;
  userId: string;
  /** What follows `/sekoia `. */
  text: string;
  method?: 'POST' | 'GET';
  /** Overrides the team's command token (form field and header), to test a wrong one. */
  token?: string;
  /** Set when typed in a thread's reply box. */
  rootId?: string;
}

export interface SlashCommandResult {
  /** 0 when no HTTP answer came (network error, timeout, or the command was never sent). */
  status: number;
  contentType: string;
  raw: string;
  response?: CommandResponse;
  /** What the user would see as a failed command. */
  error?: string;
  /** The first `in_channel` post made from the reply, if any. */
  post?: FakePost;
  posts: FakePost[];
  responseUrl: string;
  triggerId: string;
}

const failure = (reason: string) => `Command with a trigger of '/sekoia' failed: ${reason}`;

interface CommandCall {
  method: 'POST' | 'GET';
  url: string;
  token: string;
  form: URLSearchParams;
}

/** POST with a form body, or GET with the fields appended to the URL's query (reference §2.2). */
function callCommandUrl(context: FakeContext, call: CommandCall): Promise<IntegrationReply> {
  const target = new URL(call.url);
  const post = call.method === 'POST';
  if (!post) target.search = target.search === '' ? call.form.toString() : `${target.search}&${call.form}`;
  return callIntegration({
    method: call.method,
    url: target.href,
    headers: {
      Accept: 'application/json',
      Authorization: `Token ${call.token}`,
      ...(post ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(post ? { body: call.form.toString() } : {}),
    timeoutMs: context.outgoingTimeoutMs,
    blockInternal: context.blockInternalTargets,
  });
}

/** Runs `/sekoia <text>` the way the server executes a custom command (reference §2.2, §2.4). */
export async function sendSlashCommand(
  context: FakeContext,
  input: SlashCommandInput,
): Promise<SlashCommandResult> {
  const channel = mustFindChannel(context, input.channelId);
  const user = mustFindUser(context, input.userId);
  const team = mustFindTeam(context, input.teamId ?? channel.teamId);
  const refused = refuseCommandLine(context, input.text);
  if (refused !== undefined) {
    return { status: 0, contentType: '', raw: '', error: refused, posts: [], responseUrl: '', triggerId: '' };
  }
  const invocation = { userId: user.id, channelId: channel.id, teamId: team.id, rootId: input.rootId ?? '' };
  // Joined as the server does, on the Site URL as configured (server/channels/app/command.go).
  const responseUrl = `${context.siteUrl}/hooks/commands/${context.responseUrls.create(invocation)}`;
  const triggerId = context.triggers.issue(user.id, { channelId: channel.id, teamId: team.id });
  const token = input.token ?? sekoiaCommandToken(context, team.id);
  const form = buildCommandForm(context, {
    ...invocation,
    token,
    team,
    channel,
    user,
    text: input.text,
    triggerId,
    responseUrl,
  });
  const reply = await callCommandUrl(context, {
    method: input.method ?? 'POST',
    url: input.url,
    token,
    form,
  });
  const base = { responseUrl, triggerId, posts: [] as FakePost[] };
  if (!reply.ok) return { ...base, status: 0, contentType: '', raw: '', error: failure(reply.error) };
  const seen = { ...base, status: reply.status, contentType: reply.contentType, raw: reply.raw };
  if (reply.status !== 200)
    return { ...seen, error: failure(`the integration answered HTTP ${reply.status}`) };
  const parsed = parseCommandResponse(reply.contentType, reply.raw);
  if (!parsed.ok) return { ...seen, error: parsed.error };
  const delivery = deliverCommandResponse(context, invocation, parsed.response, 'command');
  const [post] = delivery.posts;
  return {
    ...seen,
    response: parsed.response,
    posts: delivery.posts,
    ...(post ? { post } : {}),
    ...(delivery.errors.length > 0 ? { error: failure(delivery.errors.join('; ')) } : {}),
  };
}
