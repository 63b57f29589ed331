import type { FakeContext, StoredChannel } from './fake-context.ts';
import type { FakeTeam, FakeUser } from './fake-model.ts';

export interface CommandFormInput {
  token: string;
  team: FakeTeam;
  channel: StoredChannel;
  user: FakeUser;
  text: string;
  triggerId: string;
  responseUrl: string;
  rootId: string;
}

// The server's atMentionRegexp, then trailing `.`, `-`, `_` trimmed until a known name matches.
const AT_MENTION = /(?<![\p{L}\p{N}_])@[\p{L}\p{N}][\p{L}\p{N}.\-_:]*/gu;
const CHANNEL_MENTION = /(?<![p{L}p{N}_])~[a-z0-9][a-z0-9\-_]*/g;

function findUser(context: FakeContext, word: string): FakeUser | undefined {
  for (let name = word.toLowerCase(); name !== ''; name = name.slice(0, -1)) {
    const user = [...context.users.values()].find((candidate) => candidate.username === name);
    if (user !== undefined) return user;
    if (!/[.\-_]$/.test(name)) return undefined;
  }
  return undefined;
}

/** `user_mentions`/`user_mentions_ids` (and the channel pair) as parallel repeated keys (§2.2). */
function mentionFields(context: FakeContext, text: string, teamId: string): [string, string][] {
  const users = new Map<string, FakeUser>();
  for (const match of text.matchAll(AT_MENTION)) {
    const user = findUser(context, match[0].slice(1));
    if (user !== undefined) users.set(user.id, user);
  }
  const channels = new Map<string, StoredChannel>();
  for (const match of text.matchAll(CHANNEL_MENTION)) {
    const name = match[0].slice(1);
    const channel = [...context.channels.values()].find(
      (candidate) => candidate.name === name && candidate.type === 'O' && candidate.teamId === teamId,
    );
    if (channel !== undefined) channels.set(channel.id, channel);
  }
  return [
    ...[...users.values()].map((user): [string, string] => ['user_mentions', user.username]),
    ...[...users.keys()].map((id): [string, string] => ['user_mentions_ids', id]),
    ...[...channels.values()].map((channel): [string, string] => ['channel_mentions', channel.name]),
    ...[...channels.keys()].map((id): [string, string] => ['channel_mentions_ids', id]),
  ];
}

/** The fields of reference §2.2, keys sorted like Go's `url.Values.Encode`. */
export function buildCommandForm(context: FakeContext, input: CommandFormInput): URLSearchParams {
  const fields: [string, string][] = [
    ['token', input.token],
    ['team_id', input.team.id],
    ['team_domain', input.team.name],
    ['channel_id', input.channel.id],
    ['channel_name', input.channel.name],
    ['user_id', input.user.id],
    ['user_name', input.user.username],
    ['command', '/sekoia'],
    ['text', input.text],
    ['trigger_id', input.triggerId],
    ['root_id', input.rootId],
    ['response_url', input.responseUrl],
    ...mentionFields(context, input.text, input.team.id),
  ];
  // Stable sort: repeated keys keep their order, as in a url.Values list.
  const sorted = fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(sorted);
}
