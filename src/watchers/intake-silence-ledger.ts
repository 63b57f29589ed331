import type { Keyv } from 'keyv';

/** The store namespace of the silences in progress, shared by the poll and the WebHook path. */
export const INTAKE_SILENCE_NAMESPACE = 'intake-silence';

/**
 * The silences in progress, one per intake: when each started. The poll and Sekoia.io's "no events"
 * WebHook both read it, so that a silence keeps one start, hence one card subject, whoever saw it first.
 */
export interface IntakeSilenceLedger {
  /** When the open silence of the intake started (epoch ms), if one is open. */
  openSince(intakeUuid: string): Promise<number | undefined>;
  open(intakeUuid: string, silentSince: number): Promise<void>;
  close(intakeUuid: string): Promise<void>;
}

export function createIntakeSilenceLedger(keyv: Keyv): IntakeSilenceLedger {
  const key = (intakeUuid: string) => `open:${intakeUuid.toLowerCase()}`;
  return {
    async openSince(intakeUuid) {
      const open = await keyv.get<{ silentSince: number }>(key(intakeUuid));
      return typeof open?.silentSince === 'number' ? open.silentSince : undefined;
    },
    async open(intakeUuid, silentSince) {
      await keyv.set(key(intakeUuid), { silentSince });
    },
    async close(intakeUuid) {
      await keyv.delete(key(intakeUuid));
    },
  };
}
