import { assertSekoiaUuid } from './validate-sekoia-uuid.ts';

/** The search term selecting one intake's events, as in reference §9 step 2. */
export function buildIntakeSearchTerm(intakeUuid: string): string {
  return `sekoiaio.intake.uuid:${assertSekoiaUuid(intakeUuid, 'intake')}`;
}
