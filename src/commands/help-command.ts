import { KEY_SPECS } from '../rules/condition-keys.ts';
import { didYouMean } from '../rules/suggest-word.ts';
import { TRIGGER_KEYS, TRIGGERS } from '../rules/triggers.ts';
import { quoted, usageError } from '../rules/usage-error.ts';
import type { Command } from './command.ts';
import type { Reply } from './command-context.ts';
import { readWords } from './read-words.ts';
import { info } from './reply-helpers.ts';

const CONDITION_SYNTAX =
  'Conditions: key=value, key!=value, key~text (contains), key>=n, key<=n, key>n, key<n; ' +
  'a comma means "any of", quotes allow spaces; all conditions must hold.';

/** `help [command]`, generated from the commands themselves so that it never drifts. */
export function createHelpCommand(commands: () => readonly Command[]): Command {
  return {
    name: 'help',
    usage: 'help [command]',
    summary: 'usage, triggers, condition keys and examples',
    examples: ['help', 'help subscribe'],
    async run(ctx, args) {
      const [word] = readWords(args, { command: 'help', min: 0, max: 1, names: [] });
      const all = commands();
      if (word === undefined) {
        await ctx.reply(overview(all));
        return;
      }
      const command = all.find((candidate) => candidate.name === word.toLowerCase());
      if (command === undefined) {
        const names = all.map((candidate) => candidate.name);
        const hint = didYouMean(word.toLowerCase(), names) || ` — the commands are ${names.join(', ')}`;
        throw usageError(`no command ${quoted(word)}${hint}`, { token: word });
      }
      await ctx.reply(details(command));
    },
  };
}

function overview(commands: readonly Command[]): Reply {
  return info('Commands (help <command> tells more):', {
    lines: commands.map((command) => `${command.usage} — ${command.summary}`),
    code: commands.flatMap((command) => command.examples.slice(0, 1)),
  });
}

function details(command: Command): Reply {
  const lines = command.name === 'subscribe' ? subscribeLines() : [];
  return info(`${command.usage} — ${command.summary}`, { lines, code: [...command.examples] });
}

function subscribeLines(): string[] {
  const triggers = TRIGGERS.map((trigger) => {
    const keys = TRIGGER_KEYS[trigger].map((key) => KEY_SPECS[key].example).join(', ');
    return `${trigger}: ${keys}`;
  });
  return [...triggers, CONDITION_SYNTAX, 'urgency takes 0–100 or low (0–49), medium (50–74), high (75–100).'];
}
