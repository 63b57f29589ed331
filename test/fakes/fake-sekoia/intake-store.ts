import type { FakeIntake } from './fake-intake.ts';

export interface IntakeStore {
  add(intake: FakeIntake): void;
  find(uuid: string): FakeIntake | undefined;
  /** In the order added. */
  list(): FakeIntake[];
  /** One event received by the intake at `atMs` (epoch ms). */
  recordEvent(uuid: string, atMs: number): void;
  /** Times of the intake's events within [fromMs, toMs], newest first. */
  eventTimes(uuid: string, fromMs: number, toMs: number): number[];
}

export function createIntakeStore(): IntakeStore {
  const intakes = new Map<string, FakeIntake>();
  const events = new Map<string, number[]>();
  return {
    add(intake) {
      intakes.set(intake.uuid, intake);
    },
    find: (uuid) => intakes.get(uuid),
    list: () => [...intakes.values()],
    recordEvent(uuid, atMs) {
      events.set(uuid, [...(events.get(uuid) ?? []), atMs]);
    },
    eventTimes: (uuid, fromMs, toMs) =>
      (events.get(uuid) ?? []).filter((at) => at >= fromMs && at <= toMs).sort((a, b) => b - a),
  };
}
