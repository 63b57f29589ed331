import type { CheckOutcome, DoctorCheck } from '../doctor-check.ts';
import { type DoctorSekoia, type ProbeAnswer, statusOf } from './doctor-sekoia.ts';
import { PERMISSION_PROBES, type PermissionProbe } from './sekoia-permission-probes.ts';

/** The triggers the stored rules subscribe to; rejects when the rules cannot be read. */
export type TriggersInUse = () => Promise<ReadonlySet<string>>;

/** The target is made up: these answers mean the key passed the permission check. */
const TARGET_REFUSED = new Set([400, 404, 422]);

/** One check per permission of the probe table, each tried harmlessly (see PERMISSION_PROBES). */
export function sekoiaPermissionChecks(sekoia: DoctorSekoia, triggersInUse: TriggersInUse): DoctorCheck[] {
  return PERMISSION_PROBES.map((probe) => ({
    id: `sekoia.permission.${probe.id}`,
    group: 'Sekoia.io',
    title: `${probe.title} (${probe.permission})`,
    async run(context) {
      if (context.config.SEKOIA_API_KEY === undefined) return { state: 'skip', detail: 'no SEKOIA_API_KEY' };
      if (!(await sekoia.me(context)).ok) {
        return {
          state: 'skip',
          detail: 'the key check failed (see above): its permissions cannot be tried',
        };
      }
      return judge(probe, await sekoia.send(context, probe.request), () => needed(probe, triggersInUse));
    },
  }));
}

async function judge(
  probe: PermissionProbe,
  answer: ProbeAnswer,
  isNeeded: () => Promise<boolean | undefined>,
): Promise<CheckOutcome> {
  const status = statusOf(answer);
  if (answer.ok || (status !== undefined && TARGET_REFUSED.has(status))) {
    return { state: 'ok', detail: `granted: ${probe.usedFor}` };
  }
  if (status !== 403) {
    return {
      state: 'fail',
      detail: `could not be tried: ${answer.error.message}`,
      fix: 'Check that Sekoia.io answers (the key check above), then run the doctor again.',
    };
  }
  const name =
    probe.alsoCalled === undefined ? probe.permission : `${probe.permission} (or ${probe.alsoCalled})`;
  const fix = `Add ${name} to the key's permissions (Sekoia.io: Settings > Workspace > API Keys), or create a key that has it.`;
  const need = await isNeeded();
  if (need === true) return { state: 'fail', detail: `missing: ${probe.withoutIt}`, fix };
  if (probe.need.kind === 'trigger') {
    const why =
      need === undefined ? 'the rules could not be read' : `no rule subscribes to ${probe.need.trigger} yet`;
    return { state: 'skip', detail: `missing: ${probe.withoutIt} (${why})`, fix };
  }
  return { state: 'skip', detail: `missing: ${probe.withoutIt}`, fix };
}

/** true: fail without it; false: a skip; undefined: unknown (the rules could not be read). */
async function needed(probe: PermissionProbe, triggersInUse: TriggersInUse): Promise<boolean | undefined> {
  if (probe.need.kind === 'required') return true;
  if (probe.need.kind === 'optional') return false;
  try {
    return (await triggersInUse()).has(probe.need.trigger);
  } catch {
    return undefined;
  }
}
