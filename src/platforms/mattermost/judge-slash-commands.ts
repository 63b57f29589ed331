/** A custom slash command as `GET /commands?custom_only=true` lists it (server/public/model/command.go). */
export interface ListedCommand {
  team: string;
  trigger: string;
  token: string;
  url: string;
}

export interface CommandVerdict {
  /** One line per command of ours that is wrong. */
  problems: string[];
  fixes: string[];
  /** Teams whose command of ours is right. */
  good: string[];
  /** What does not fail the check but the operator may want to know. */
  notes: string[];
}

/** A token shown in the checklist: its first 4 characters at most. */
export function maskToken(token: string): string {
  return `${token.slice(0, Math.min(4, Math.floor(token.length / 4)))}…`;
}

function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href.replace(/\/+$/, '');
  } catch {
    // Not a URL: compared as written (it then matches nothing we serve).
    return url;
  }
}

/**
 * Which listed commands are ours (a token we accept, the `sekoia` trigger, or our URL) and what is
 * wrong with each: a Request URL that is not `expectedUrl`, or a token we would refuse. A token that
 * matches no listed command is only a note: it may belong to a team the bot cannot see.
 */
export function judgeSlashCommands(input: {
  commands: readonly ListedCommand[];
  /** The teams whose commands were listed. */
  listedTeams: readonly string[];
  tokens: readonly string[];
  expectedUrl: string;
}): CommandVerdict {
  const expected = normalizeUrl(input.expectedUrl);
  const verdict: CommandVerdict = { problems: [], fixes: [], good: [], notes: [] };
  const ours = input.commands.filter(
    (command) =>
      input.tokens.includes(command.token) ||
      command.trigger === 'sekoia' ||
      normalizeUrl(command.url) === expected,
  );
  for (const command of ours) {
    const name = `/${command.trigger} in ${command.team}`;
    if (normalizeUrl(command.url) !== expected) {
      verdict.problems.push(`${name} sends to ${command.url.slice(0, 200)}`);
      verdict.fixes.push(
        `Edit ${name} (Integrations > Slash Commands > Edit): Request URL ${input.expectedUrl}.`,
      );
    } else if (!input.tokens.includes(command.token)) {
      verdict.problems.push(
        `${name} has a token (${maskToken(command.token)}) that is not in MATTERMOST_COMMAND_TOKENS`,
      );
      verdict.fixes.push(
        `Add the token of ${name} (shown in Integrations > Slash Commands) to MATTERMOST_COMMAND_TOKENS and restart the bot.`,
      );
    } else verdict.good.push(command.team);
  }
  const silent = input.listedTeams.filter((team) => !ours.some((command) => command.team === team));
  if (silent.length > 0) verdict.notes.push(`no /sekoia command seen in ${silent.join(', ')}`);
  const stale = input.tokens.filter((token) => !input.commands.some((command) => command.token === token));
  if (stale.length > 0)
    verdict.notes.push(
      `${stale.length} token(s) in MATTERMOST_COMMAND_TOKENS (${stale.map(maskToken).join(', ')}) match no listed command: regenerated, deleted, or of a team the bot is not in`,
    );
  return verdict;
}
