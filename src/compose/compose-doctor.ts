import { systemClock } from '../clock.ts';
import type { Config } from '../config/load-config.ts';
import { coreDoctorChecks } from '../doctor/checks/core-doctor-checks.ts';
import { createDoctorSekoia, type DoctorSekoiaOptions } from '../doctor/checks/doctor-sekoia.ts';
import { createDoctorStore } from '../doctor/checks/open-doctor-store.ts';
import { createStoredRules } from '../doctor/checks/stored-rules.ts';
import type { DoctorCheck, DoctorContext } from '../doctor/doctor-check.ts';
import type { Logger } from '../log.ts';
import { CHAT_PLATFORMS } from '../platforms/platform-list.ts';
import { openAppQueue } from './open-app-queue.ts';

/** Each request of a check gives up after this long (a check may make several). */
export const DOCTOR_REQUEST_DEADLINE_MS = 5_000;

export interface DoctorParts {
  checks: DoctorCheck[];
  context: DoctorContext;
  /** Closes what the checks opened (the store). */
  close(): Promise<void>;
}

/** `npm run doctor`'s checks and context: the bot's own checks, then each enabled platform's. */
export function composeDoctor(options: {
  config: Readonly<Config>;
  log: Logger;
  configSource: string;
  requestDeadlineMs?: number;
  pace?: DoctorSekoiaOptions['pace'];
}): DoctorParts {
  const { config, log } = options;
  const deadlineMs = options.requestDeadlineMs ?? DOCTOR_REQUEST_DEADLINE_MS;
  const store = createDoctorStore({ config, log });
  const rules = createStoredRules(store, log);
  const sekoia = createDoctorSekoia({ log, ...(options.pace === undefined ? {} : { pace: options.pace }) });
  const context: DoctorContext = {
    config,
    fetch: (url, init = {}) => {
      const deadline = AbortSignal.timeout(deadlineMs);
      const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
      return fetch(url, { ...init, signal });
    },
    ruleChannels: (platform) => rules.channels(platform),
  };
  const checks = [
    ...coreDoctorChecks({
      store,
      sekoia,
      triggersInUse: () => rules.triggers(),
      openQueue: (opened) => openAppQueue({ config, log }, opened, systemClock),
      configSource: options.configSource,
    }),
    ...CHAT_PLATFORMS.filter((platform) => platform.enabled(config)).flatMap(
      (platform) => platform.doctorChecks?.(config) ?? [],
    ),
  ];
  return { checks, context, close: () => store.close() };
}
