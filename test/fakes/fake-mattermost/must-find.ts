import type { FakeContext, StoredChannel } from './fake-context.ts';
import type { FakePost, FakeTeam, FakeUser } from './fake-model.ts';

// Test-side lookups: a wrong id is a mistake in the test, so it throws.

export function mustFindUser(context: FakeContext, id: string): FakeUser {
  const user = context.users.get(id);
  if (user === undefined) throw new Error(`fake Mattermost has no user ${id}`);
  return user;
}

export function mustFindChannel(context: FakeContext, id: string): StoredChannel {
  const channel = context.channels.get(id);
  if (channel === undefined) throw new Error(`fake Mattermost has no channel ${id}`);
  return channel;
}

/** The given team, else the first one (DM/GM channels have no team). */
export function mustFindTeam(context: FakeContext, id: string): FakeTeam {
  const team = id === '' ? [...context.teams.values()][0] : context.teams.get(id);
  if (team === undefined) throw new Error(`fake Mattermost has no team ${id || '(any)'}`);
  return team;
}

export function mustFindPost(context: FakeContext, id: string): FakePost {
  const post = context.posts.get(id);
  if (post === undefined) throw new Error(`fake Mattermost has no post ${id}`);
  return post;
}
