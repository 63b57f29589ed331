import type { DoctorCheck } from '../../doctor/doctor-check.ts';

/** 4. MATTERMOST_COMMAND_TOKENS is set: without a token every /sekoia is refused with 401. */
export const checkMattermostCommandTokens: DoctorCheck = {
  id: 'mattermost.command-tokens',
  group: 'Mattermost',
  title: 'Slash command tokens',
  run(context) {
    const count = context.config.MATTERMOST_COMMAND_TOKENS.length;
    if (count > 0)
      return Promise.resolve({ state: 'ok', detail: `${count} token(s) in MATTERMOST_COMMAND_TOKENS` });
    return Promise.resolve({
      state: 'fail',
      detail: 'MATTERMOST_COMMAND_TOKENS is empty: every /sekoia command is refused (401)',
      fix: "In each team, Integrations > Slash Commands shows the /sekoia command's token (create the command from manifests/mattermost/slash-command.json if it is missing): list them, comma-separated, in MATTERMOST_COMMAND_TOKENS and restart the bot (manifests/mattermost/README.md step 4).",
    });
  },
};
