import { z } from 'zod';
import type { CheckOutcome, DoctorCheck } from '../../doctor/doctor-check.ts';
import { fetchMattermostApi } from './fetch-mattermost-api.ts';
import { ACCOUNT_PREREQUISITE, readBotAccount } from './read-bot-account.ts';
import { unexpectedAnswer } from './unexpected-answer.ts';

/**
 * The settings any signed-in user may read (`GET /config/client?format=old`, server/config/client.go
 * GenerateClientConfig): `SiteURL` always, `EnableCommands` with a session. Absent keys are not judged.
 */
const clientConfigSchema = z.object({
  SiteURL: z.string().max(2_048).optional(),
  EnableCommands: z.string().max(8).optional(),
});

/**
 * 6. The server settings /sekoia needs: a Site URL (without one, current servers run no custom command:
 * `response_url` is built on it) and custom slash commands enabled (else every command answers 501).
 */
export const checkMattermostServerSettings: DoctorCheck = {
  id: 'mattermost.server-settings',
  group: 'Mattermost',
  title: 'Server settings',
  async run(context) {
    if (!(await readBotAccount(context)).ok) return ACCOUNT_PREREQUISITE;
    const reply = await fetchMattermostApi(context, 'config/client?format=old');
    const parsed = clientConfigSchema.safeParse(reply.kind === 'answer' ? reply.body : undefined);
    if (reply.kind !== 'answer' || reply.status !== 200 || !parsed.success)
      return unexpectedAnswer(reply, 'GET /api/v4/config/client?format=old');
    const { SiteURL: siteUrl, EnableCommands: commands } = parsed.data;
    const problems: CheckOutcome[] = [];
    if (siteUrl === '') {
      problems.push({
        state: 'fail',
        detail:
          'the Site URL is empty: Mattermost runs no custom slash command (its response_url is built on it)',
        fix: 'System Console > Environment > Web Server > Site URL: the address people open Mattermost at.',
      });
    }
    if (commands === 'false') {
      problems.push({
        state: 'fail',
        detail:
          'custom slash commands are disabled: every /sekoia fails (501 api.command.disabled.app_error)',
        fix: 'System Console > Integrations > Integration Management > Enable Custom Slash Commands: true.',
      });
    }
    if (problems.length > 0) {
      const detail = problems.map((problem) => problem.detail).join('; ');
      return { state: 'fail', detail, fix: problems.map((problem) => problem.fix).join(' ') };
    }
    const enabled = commands === 'true' ? ', custom slash commands enabled' : '';
    return { state: 'ok', detail: `Site URL ${siteUrl ?? '(not shown)'}${enabled}` };
  },
};
