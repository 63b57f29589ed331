import type { Clock } from '../clock.ts';
import type { AlertStateStore } from '../delivery/alert-state-store.ts';
import type { PlatformNames } from '../delivery/platform-names.ts';
import type { Logger } from '../log.ts';
import type { AlertSummary } from '../normalize/notification.ts';
import type { ExclusionKey } from '../rules/edit-exclusion.ts';
import type { RuleStore } from '../rules/rule-store.ts';
import type { WorkflowReader } from '../sekoia/create-workflow-reader.ts';
import type { RequestOptions, SekoiaApi } from '../sekoia/sekoia-api.ts';
import type { ActionContext } from './action-context.ts';
import type { ActionOutcome } from './action-outcome.ts';

/** Someone is waiting on the button: served before enrichment and watchers (create-sekoia-pacer.ts). */
export const INTERACTIVE: RequestOptions = { priority: 'interactive' };

/** What the actions need; the composition root provides it (the runner gives each click its own `sekoia`). */
export interface ActionServices {
  sekoia: Pick<SekoiaApi, 'getAlert' | 'patchWorkflow' | 'patchAlert' | 'postComment'>;
  /** `GET …/workflow`, or the standard workflow when Sekoia.io refuses it. */
  workflow: WorkflowReader;
  states: AlertStateStore;
  rules: Pick<RuleStore, 'get' | 'setMute' | 'editConditions'>;
  clock: Clock;
  /** Names the clicker's platform in the comments and authors written to Sekoia.io. */
  platforms: PlatformNames;
  appUrl: string;
  log: Logger;
  /** Names the alert's assets on the re-read card (asset API, cached). */
  assets?: { resolve(alert: AlertSummary): Promise<AlertSummary> };
}

/** How a button looks, platform-neutral; each platform maps it to its markup. */
export interface ButtonLook {
  /** Letters and digits only (Mattermost routes a click by it — reference mattermost.md §4.1). */
  id: string;
  label: string;
  /** Mattermost shows it; Teams ignores it (reference teams.md §5.1). */
  style: 'default' | 'primary' | 'success' | 'danger';
}

/** One kind of card button: how it looks, what it does, and what the clicker is told. */
export interface CardAction {
  button: ButtonLook;
  /** A workflow transition: shown only when the alert's status allows it; every card follows it. */
  changesStatus: boolean;
  /** Not a transition, yet it changes what every card of the alert shows (its urgency): they follow it. */
  refreshesCards?: boolean;
  /** Teams draws it under "More…" whatever the room (a secondary action: reference teams.md §5.1). */
  secondary?: true;
  /** Not on the card: drawn in a channel announcement (Undo), so its click comes from another message. */
  offCard?: true;
  /** An Exclude button: drawn only when the card has this fact, whose value its grant signs. */
  excludes?: ExclusionKey;
  /** The answer explains, for the clicker only; the card stays as it is. */
  explains?: true;
  /** The button asks for text first (a dialog on Mattermost, an input under the card on Teams). */
  needsText: boolean;
  /** The answer while the action still runs at the click's deadline. */
  pending(alertName: string, ruleId: string): string;
  /** An action Sekoia.io accepted although what followed (re-reading the alert) failed. */
  done(alertName: string): string;
  run(ctx: ActionContext, services: ActionServices): Promise<ActionOutcome>;
  /** What follows a success in the chat (an announcement, a note in the thread); its failure is only logged. */
  follow?(ctx: ActionContext, outcome: ActionOutcome): Promise<void>;
}
