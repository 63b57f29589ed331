import type { DoctorCheck } from '../../doctor/doctor-check.ts';
import { checkTeamsCredentials } from './check-teams-credentials.ts';
import { checkTeamsEndpoint } from './check-teams-endpoint.ts';
import { checkTeamsToken } from './check-teams-token.ts';

/**
 * `npm run doctor`'s Microsoft Teams checks, in the order an operator fixes them. Each reads the
 * configuration itself and skips what its prerequisite leaves untriable (no MicrosoftAppId: all).
 * `loginUrl` replaces Entra ID's login base (tests point it at a fake).
 */
export function teamsDoctorChecks(options: { loginUrl?: string } = {}): readonly DoctorCheck[] {
  return [checkTeamsCredentials(), checkTeamsToken(options), checkTeamsEndpoint()];
}
