import type { AlertNotification, AlertTrigger, OtherNotification } from '../normalize/notification.ts';
import { alertRaisedTrigger, alertUpdatedTrigger } from './alert/alert-triggers.ts';
import { intakeSilentTrigger } from './intake-silent/intake-silent-trigger.ts';
import { playbookErrorTrigger } from './playbook-error/playbook-error-trigger.ts';
import { reportTrigger } from './report/report-trigger.ts';
import { ruleAddedTrigger } from './rule-added/rule-added-trigger.ts';
import type { FactsOfTrigger } from './trigger-definition.ts';
import type { TriggerNotification } from './trigger-notification.ts';

/**
 * Every trigger, in the order `help` lists them (spec §5, "Triggers and their condition keys").
 * Rules, help, the WebHook dispatch and the compact cards read this list: a new trigger is its
 * folder and one line here.
 */
export const TRIGGER_TABLE = [
  alertRaisedTrigger,
  alertUpdatedTrigger,
  reportTrigger,
  ruleAddedTrigger,
  intakeSilentTrigger,
  playbookErrorTrigger,
] as const;

export type AnyTrigger = (typeof TRIGGER_TABLE)[number];
export type Trigger = AnyTrigger['name'];

/** The facts of any trigger's notification (a union, one member per trigger). */
export type TableFacts = FactsOfTrigger<AnyTrigger>;

/** The triggers other than alerts, each with a compact card. */
export type CompactTrigger = Exclude<Trigger, AlertTrigger>;

const isCompact = (name: Trigger): name is CompactTrigger =>
  name !== 'alert-raised' && name !== 'alert-updated';

/** The compact-card triggers, in table order (the compact-card job checks its payload against them). */
export const COMPACT_TRIGGERS: readonly CompactTrigger[] = TRIGGER_TABLE.map(
  (definition) => definition.name,
).filter(isCompact);

/** A compact-card notification of one of the table's triggers, its facts typed by its trigger. */
export type CompactNotification = TriggerNotification<Extract<TableFacts, { trigger: CompactTrigger }>>;

/** Anything the normalizers make: an alert (rich card), a trigger's compact card, or an event kept. */
export type Notification = AlertNotification | CompactNotification | OtherNotification;
