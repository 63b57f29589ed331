import { MAX_MESSAGE_RUNES } from './create-post.ts';
import type { FakeContext } from './fake-context.ts';

/**
 * The message box refuses to send anything, slash commands included, longer than the server's
 * `MaxPostSize` (16,383 on current schemas), counted in UTF-16 units as JavaScript's `length`
 * (mattermost/mattermost webapp/channels/src/components/textbox/textbox.tsx `checkMessageLength`,
 * advanced_text_editor/use_submit.tsx stops on that error). `POST /commands/execute` itself has no
 * length check (server/channels/api4/command.go): the limit is the client's.
 */
export const MAX_COMMAND_LINE_CHARACTERS = MAX_MESSAGE_RUNES;

/** The line the user typed for `/sekoia <text>`. */
export function commandLine(text: string): string {
  return text === '' ? '/sekoia' : `/sekoia ${text}`;
}

/** Why the command would never reach the bot, as the user would be told; undefined when it would. */
export function refuseCommandLine(context: FakeContext, text: string): string | undefined {
  const length = commandLine(text).length;
  if (length > MAX_COMMAND_LINE_CHARACTERS) {
    return `Your message is too long. Character count: ${length}/${MAX_COMMAND_LINE_CHARACTERS}`;
  }
  // server/channels/app/command.go: response_url is built on the Site URL, so none means no command.
  if (context.siteUrl === '') {
    return 'api.command.execute_command.site_url_required.app_error: the Site URL must be set to run custom slash commands';
  }
  return undefined;
}
