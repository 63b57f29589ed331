import { describeAccessRefusal } from '../access/describe-access-refusal.ts';
import { groupsSupported } from '../access/group-directory.ts';
import { isBotError } from '../errors.ts';
import { MAX_ARGUMENTS_LENGTH } from '../rules/parse-subscription.ts';
import { didYouMean } from '../rules/suggest-word.ts';
import { quoted } from '../rules/usage-error.ts';
import type { Command, CommandServices } from './command.ts';
import type { CommandContext, Reply } from './command-context.ts';
import type { CommandRegistry } from './create-command-registry.ts';

export interface RunCommandOptions {
  registry: CommandRegistry;
  services: CommandServices;
}

/**
 * Runs one command line (`mute r7k2 2h`) and answers it. It never throws: every failure becomes an
 * error reply, and a failure to send that reply is logged.
 */
export async function runCommand(
  ctx: CommandContext,
  text: string,
  options: RunCommandOptions,
): Promise<void> {
  const [, name = '', args = ''] = /^\s*(\S*)\s*([\s\S]*)$/.exec(text) ?? [];
  const command = options.registry.get(name);
  try {
    if (text.length > MAX_ARGUMENTS_LENGTH) {
      const size = `${text.length} characters, at most ${MAX_ARGUMENTS_LENGTH}`;
      await ctx.reply(failure(`the command is too long: ${size}`, command));
      return;
    }
    if (command === undefined) {
      await ctx.reply(unknownCommand(name, options.registry));
      return;
    }
    const refusal = await checkAccess(ctx, command, args.trim(), options.services);
    if (refusal !== undefined) {
      await ctx.reply({ kind: 'error', text: refusal });
      return;
    }
    await command.run(ctx, args.trim(), options.services);
  } catch (error) {
    await ctx.reply(describeFailure(ctx, error, command)).catch((replyError: unknown) => {
      ctx.log.error({ err: replyError }, 'could not send the error reply');
    });
  }
}

/** The one access check of every command: what the command needs, against the channel's policy. */
async function checkAccess(
  ctx: CommandContext,
  command: Command,
  args: string,
  services: CommandServices,
): Promise<string | undefined> {
  const need = command.needs?.(args, ctx);
  if (need === undefined) return undefined;
  const { groups } = ctx;
  const verdict = await services.access.check({
    channel: ctx.channel,
    need,
    readRoles: () => ctx.readRoles(),
    readGroups: groupsSupported(groups) ? () => groups.readUserGroups(ctx.user.id) : undefined,
    log: ctx.log.child({ command: command.name }),
  });
  return verdict.allowed ? undefined : describeAccessRefusal(verdict, 'command');
}

function unknownCommand(name: string, registry: CommandRegistry): Reply {
  const names = registry.list().map((command) => command.name);
  if (name === '') return failure(`which command? Try one of ${names.join(', ')}`, undefined);
  const hint = didYouMean(name.toLowerCase(), names) || ` — "help" lists the commands`;
  return failure(`unknown command ${quoted(name)}${hint}`, undefined);
}

function describeFailure(ctx: CommandContext, error: unknown, command: Command | undefined): Reply {
  if (isBotError(error, 'command_usage') || isBotError(error, 'rule_not_found')) {
    return failure(error.message, command);
  }
  ctx.log.error({ err: error, command: command?.name }, 'command failed');
  return failure('the command failed on our side — try again in a moment', undefined);
}

function failure(text: string, command: Command | undefined): Reply {
  return command === undefined ? { kind: 'error', text } : { kind: 'error', text, code: [command.usage] };
}
