import { z } from 'zod';
import type { GroupDirectory, MissingGroup } from '../../access/group-directory.ts';
import { BotError, isBotError } from '../../errors.ts';
import { suggestWord } from '../../rules/suggest-word.ts';
import type { MattermostClient } from './create-mattermost-client.ts';

/*
 * User groups (custom, or LDAP-synced) through `GET /api/v4/groups` (server/channels/api4/group.go
 * getGroups; query names in server/channels/web/params.go; api/v4/source/groups.yaml):
 * - `filter_has_member=<user id>` lists the groups a user is in (GroupMembers.DeleteAt = 0);
 *   `GET /users/{id}/groups` is not used: it takes manage_system unless one asks of oneself.
 * - `q` matches name or display name (ILIKE '%q%'), so a name is checked against the exact `name`.
 * - Paged: `per_page` at most 200 (default 60), `page` from 0; deleted groups are left out.
 * - A bot without sysconsole_read_user_management_groups sees only groups with `allow_reference`
 *   (custom groups always have it; an LDAP group once made mentionable), which are those a user can
 *   @-mention: the names `access groups` takes.
 * - No licence at all: 501 `api.license_error` (requireLicense, before anything else). A 403 is the
 *   bot not allowed to read groups. Either way the server has no groups for the bot.
 */
const PER_PAGE = 200;
/** Enough for any real user's groups or a server's mentionable groups; a bound on one lookup's cost. */
const MAX_PAGES = 5;

const groupListSchema = z.array(z.object({ name: z.string().nullish(), delete_at: z.number().optional() }));

const UNAVAILABLE: Readonly<Record<number, string>> = {
  501: 'This Mattermost server has no user groups (it answered 501: they need a Professional or Enterprise licence), so access cannot name groups here; nothing was changed.',
  403: 'The bot may not read user groups on this Mattermost server (it answered 403), so access cannot name groups here; nothing was changed.',
};

/** The error that says the server has no groups for the bot, or the error as it came. */
function unavailable(error: unknown): unknown {
  if (!isBotError(error)) return error;
  const status = error.details.status;
  const message = typeof status === 'number' ? UNAVAILABLE[status] : undefined;
  if (message === undefined) return error;
  return new BotError('groups_unavailable', { message, cause: error, details: { status }, retryable: false });
}

export function createMattermostGroupDirectory(client: Pick<MattermostClient, 'listGroups'>): GroupDirectory {
  /** Every live group's name the query lists, page by page (at most MAX_PAGES). */
  const listNames = async (query: Record<string, string>): Promise<string[]> => {
    const names: string[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      let answer: unknown;
      try {
        answer = await client.listGroups({ ...query, page: String(page), per_page: String(PER_PAGE) });
      } catch (error) {
        throw unavailable(error);
      }
      const groups = groupListSchema.parse(answer);
      for (const group of groups) if (group.name && !group.delete_at) names.push(group.name.toLowerCase());
      if (groups.length < PER_PAGE) break;
    }
    return names;
  };

  return {
    readUserGroups: (userId) => listNames({ filter_has_member: userId }),
    async findMissingGroups(names) {
      const missing: MissingGroup[] = [];
      for (const name of names) {
        const found = await listNames({ q: name });
        if (!found.includes(name)) missing.push({ name });
      }
      if (missing.length === 0) return missing;
      const known = await listNames({});
      return missing.map(({ name }) => ({ name, suggestion: suggestWord(name, known) }));
    },
  };
}
