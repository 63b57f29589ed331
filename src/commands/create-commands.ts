import { accessCommand } from './access-command.ts';
import type { Command } from './command.ts';
import { type CommandRegistry, createCommandRegistry } from './create-command-registry.ts';
import { digestCommand } from './digest-command.ts';
import { createHelpCommand } from './help-command.ts';
import { hoursCommand } from './hours-command.ts';
import { linkCommand } from './link-command.ts';
import { maintenanceCommand } from './maintenance-command.ts';
import { muteCommand } from './mute-command.ts';
import { previewCommand } from './preview-command.ts';
import { remindCommand } from './remind-command.ts';
import { rulesCommand } from './rules-command.ts';
import { statusCommand } from './status-command.ts';
import { stormCommand } from './storm-command.ts';
import { subscribeCommand } from './subscribe-command.ts';
import { unlinkCommand } from './unlink-command.ts';
import { unmuteCommand } from './unmute-command.ts';
import { unsubscribeCommand } from './unsubscribe-command.ts';

/** Every command of spec §5, in the order `help` lists them. */
export function createCommands(): CommandRegistry {
  const commands: Command[] = [];
  commands.push(
    createHelpCommand(() => commands),
    subscribeCommand,
    previewCommand,
    rulesCommand,
    unsubscribeCommand,
    muteCommand,
    unmuteCommand,
    remindCommand,
    statusCommand,
    stormCommand,
    hoursCommand,
    maintenanceCommand,
    digestCommand,
    accessCommand,
    linkCommand,
    unlinkCommand,
  );
  return createCommandRegistry(commands);
}
