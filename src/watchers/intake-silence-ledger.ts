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

/** The key-value records the ledger keeps (the app passes the store's 'intake-silence' namespace). */
export interface IntakeSilenceRecords {
  get(key: string): Promise<unknown>;
  set(key: string, value: { silentSince: number }): Promise<unknown>;
  delete(key: string): Promise<unknown>;
}

export function createIntakeSilenceLedger(records: IntakeSilenceRecords): IntakeSilenceLedger {
  const key = (intakeUuid: string) => `open:${intakeUuid.toLowerCase()}`;
  return {
    async openSince(intakeUuid) {
      const open = await records.get(key(intakeUuid));
      const since =
        typeof open === 'object' && open !== null && 'silentSince' in open ? open.silentSince : undefined;
      return typeof since === 'number' ? since : undefined;
    },
    async open(intakeUuid, silentSince) {
      await records.set(key(intakeUuid), { silentSince });
    },
    async close(intakeUuid) {
      await records.delete(key(intakeUuid));
    },
  };
}
