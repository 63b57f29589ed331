import type { RemindPlan, SubscriptionDraft } from '../rules/rule.ts';
import { usageError } from '../rules/usage-error.ts';
import type { CommandContext } from './command-context.ts';

/**
 * Names a rule would ping (`--notify`, `--escalate`) are refused where the platform cannot ping by
 * name yet (`ctx.notifiesByName`), rather than stored and silently ignored: the one place to check.
 */
export function checkMentionsAllowed(
  ctx: Pick<CommandContext, 'notifiesByName'>,
  draft: Pick<SubscriptionDraft, 'notify'> & { remind?: RemindPlan | undefined },
): void {
  if (ctx.notifiesByName) return;
  const option = draft.notify !== undefined ? '--notify' : draft.remind?.escalate ? '--escalate' : undefined;
  if (option === undefined) return;
  throw usageError(`${option} is not available here yet: cards on this platform cannot mention people`);
}
