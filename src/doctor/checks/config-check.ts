import type { DoctorCheck } from '../doctor-check.ts';

/**
 * The configuration's own line. The doctor runs its checks only once loadConfig accepted the
 * configuration (otherwise it prints the problems and exits 1), so this line says where it came from.
 */
export function configCheck(source: string): DoctorCheck {
  return {
    id: 'bot.config',
    group: 'Bot',
    title: 'Configuration',
    run: async () => ({ state: 'ok', detail: `valid (${source})` }),
  };
}
