import { z } from 'zod';
import type { CheckOutcome, DoctorContext } from '../../doctor/doctor-check.ts';
import { type ApiReply, fetchMattermostApi, mattermostBase } from './fetch-mattermost-api.ts';
import { unexpectedAnswer } from './unexpected-answer.ts';

const userSchema = z.object({
  id: z.string(),
  username: z.string().max(64),
  is_bot: z.boolean().optional(),
});

export interface BotAccount {
  id: string;
  username: string;
  isBot: boolean;
}

export type AccountResult = { ok: true; account: BotAccount } | { ok: false; outcome: CheckOutcome };

const URL_FIX =
  'Set MATTERMOST_URL to the Mattermost server (its Site URL, System Console > Environment > Web Server, or an internal address of it), with its subpath if any and without /api/v4.';

function refused(reply: ApiReply, url: string): CheckOutcome {
  if (reply.kind === 'unreachable') {
    return {
      state: 'fail',
      detail: `MATTERMOST_URL (${url}) could not be reached: ${reply.reason}`,
      fix: `Check MATTERMOST_URL and that this host reaches it (DNS, firewall, proxy, TLS). ${URL_FIX}`,
    };
  }
  if (reply.kind === 'foreign') {
    const type = reply.contentType || 'no content type';
    return {
      state: 'fail',
      detail: `${url}/api/v4/users/me answered ${reply.status} (${type}): not Mattermost's API`,
      fix: URL_FIX,
    };
  }
  if (reply.status === 401) {
    return {
      state: 'fail',
      detail: `Mattermost refused MATTERMOST_BOT_TOKEN (401 ${reply.errorId}): the token is wrong, revoked, or personal access tokens are off`,
      fix: 'Create a new token on the bot (Integrations > Bot Accounts > Create New Token) and set it as MATTERMOST_BOT_TOKEN; personal access tokens must be on (System Console > Integrations > Integration Management > Enable Personal Access Tokens).',
    };
  }
  return unexpectedAnswer(reply, 'GET /api/v4/users/me');
}

async function read(context: DoctorContext): Promise<AccountResult> {
  const reply = await fetchMattermostApi(context, 'users/me');
  if (reply.kind !== 'answer' || reply.status !== 200) {
    return { ok: false, outcome: refused(reply, mattermostBase(context)) };
  }
  const user = userSchema.safeParse(reply.body);
  // JSON that is no user: some other API answers at this address.
  const foreign = { kind: 'foreign', status: 200, contentType: 'application/json' } as const;
  if (!user.success) return { ok: false, outcome: refused(foreign, mattermostBase(context)) };
  return {
    ok: true,
    account: { id: user.data.id, username: user.data.username, isBot: user.data.is_bot === true },
  };
}

// One `users/me` per doctor run, whichever check asks first.
const accounts = new WeakMap<DoctorContext, Promise<AccountResult>>();

/** Who MATTERMOST_BOT_TOKEN is, or the failed outcome that says why it could not be told. */
export function readBotAccount(context: DoctorContext): Promise<AccountResult> {
  let account = accounts.get(context);
  if (account === undefined) {
    account = read(context);
    accounts.set(context, account);
  }
  return account;
}

/** The outcome of the checks that need a working token when it does not work. */
export const ACCOUNT_PREREQUISITE: CheckOutcome = {
  state: 'skip',
  detail: 'not tried: the server or the bot token check failed',
};
