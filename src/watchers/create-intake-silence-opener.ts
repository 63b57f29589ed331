import type { Rule } from '../rules/rule.ts';
import type { IntakeSilence } from '../triggers/intake-silent/normalize-intake-silence.ts';
import type { IntakeInactivity } from '../triggers/intake-silent/read-intake-inactivity.ts';
import type { IntakeSilenceLedger } from './intake-silence-ledger.ts';
import { intakeWindowMs } from './intake-window.ts';

export interface IntakeSilenceOpener {
  /** The silence a "no events" WebHook tells of, as the poll would report it. */
  open(inactivity: IntakeInactivity): Promise<IntakeSilence>;
}

/**
 * Sekoia.io's "no events" WebHook → the same silence the intake-silence poll reports: the one already
 * open for the intake if there is one (so its card is edited), else one opened now, starting at the
 * intake's last event when the WebHook says, else the shortest `for` of the rules watching the intake
 * before the notification (the window the poll would have found empty). It is recorded only when a rule
 * watches the intake: the poll, which only checks watched intakes, is what closes it.
 */
export function createIntakeSilenceOpener(options: {
  rules: { listAll(): Promise<Rule[]> };
  ledger: IntakeSilenceLedger;
  /** Names the intake (the card, rules by name); absent without an API key: the WebHook's name is used. */
  intakes?: { listIntakes(): Promise<{ uuid: string; name: string | undefined }[]> } | undefined;
}): IntakeSilenceOpener {
  /** The intake as the API lists it (the poll's spelling of its UUID, its name), else as the WebHook says. */
  const lookUp = async (given: IntakeInactivity['intake']) => {
    const intakes = (await options.intakes?.listIntakes()) ?? [];
    const listed = intakes.find((intake) => intake.uuid.toLowerCase() === given.uuid.toLowerCase());
    return { uuid: listed?.uuid ?? given.uuid, name: listed?.name ?? given.name };
  };
  return {
    async open(inactivity) {
      const intake = await lookUp(inactivity.intake);
      const { uuid } = intake;
      const rules = await options.rules.listAll();
      const windowMs = intakeWindowMs(rules, intake);
      const openSince = await options.ledger.openSince(uuid);
      const silentSince = openSince ?? inactivity.lastEventAt ?? inactivity.at - (windowMs ?? 0);
      if (openSince === undefined && windowMs !== undefined) await options.ledger.open(uuid, silentSince);
      return {
        intake,
        silentSince,
        silentForMs: Math.max(0, inactivity.at - silentSince),
        backAt: undefined,
      };
    },
  };
}
