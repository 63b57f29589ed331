import { z } from 'zod';
import type { CheckOutcome, DoctorContext } from '../../doctor/doctor-check.ts';
import { fetchMattermostApi } from './fetch-mattermost-api.ts';
import { ACCOUNT_PREREQUISITE, type BotAccount, readBotAccount } from './read-bot-account.ts';
import { unexpectedAnswer } from './unexpected-answer.ts';

const teamsSchema = z.array(
  z.object({ id: z.string(), name: z.string().max(64), display_name: z.string().max(64).optional() }),
);

export interface BotTeam {
  id: string;
  /** The URL handle (`name`). */
  name: string;
}

export type TeamsResult =
  | { ok: true; account: BotAccount; joined: BotTeam[] }
  | { ok: false; outcome: CheckOutcome };

async function read(context: DoctorContext): Promise<TeamsResult> {
  const account = await readBotAccount(context);
  if (!account.ok) return { ok: false, outcome: ACCOUNT_PREREQUISITE };
  const reply = await fetchMattermostApi(context, 'users/me/teams');
  const teams = teamsSchema.safeParse(reply.kind === 'answer' ? reply.body : undefined);
  if (reply.kind !== 'answer' || reply.status !== 200 || !teams.success)
    return { ok: false, outcome: unexpectedAnswer(reply, 'GET /api/v4/users/me/teams') };
  return {
    ok: true,
    account: account.account,
    joined: teams.data.map((team) => ({ id: team.id, name: team.name })),
  };
}

// One `users/me/teams` per doctor run: the team check and the slash-command check share it.
const memberships = new WeakMap<DoctorContext, Promise<TeamsResult>>();

/** The teams the bot belongs to, or the outcome that says why they could not be read. */
export function readBotTeams(context: DoctorContext): Promise<TeamsResult> {
  let teams = memberships.get(context);
  if (teams === undefined) {
    teams = read(context);
    memberships.set(context, teams);
  }
  return teams;
}
