import type { CheckOutcome, DoctorCheck } from '../doctor-check.ts';
import { type HostRegion, regionOfUrl } from './sekoia-regions.ts';

/**
 * SEKOIA_API_URL and SEKOIA_APP_URL name the same region (reference sekoia-api.md §1): a key works
 * in one region only, and "Open in Sekoia.io" links into another region lead nowhere.
 */
export function sekoiaRegionCheck(): DoctorCheck {
  return {
    id: 'sekoia.region',
    group: 'Sekoia.io',
    title: 'API and app URLs of one region',
    async run({ config }) {
      const api = regionOfUrl(config.SEKOIA_API_URL);
      const app = regionOfUrl(config.SEKOIA_APP_URL);
      if (api.kind !== 'region') return notComparable('SEKOIA_API_URL', api);
      if (app.kind !== 'region') return notComparable('SEKOIA_APP_URL', app);
      if (api.region.region === app.region.region) {
        return { state: 'ok', detail: `both ${api.region.region}` };
      }
      return {
        state: 'fail',
        detail: `SEKOIA_API_URL is in ${api.region.region}, SEKOIA_APP_URL in ${app.region.region}`,
        fix: `Set SEKOIA_APP_URL=${api.region.app} (the key's region), or SEKOIA_API_URL=${app.region.api} if the app URL is the right one.`,
      };
    },
  };
}

function notComparable(name: string, side: Exclude<HostRegion, { kind: 'region' }>): CheckOutcome {
  if (side.kind === 'other') {
    return { state: 'skip', detail: `${name} (${side.host}) is not a Sekoia.io host: nothing to compare` };
  }
  return {
    state: 'skip',
    detail: `${name} (${side.host}) is not in the doctor's region table`,
    fix: 'Check by hand that SEKOIA_API_URL and SEKOIA_APP_URL name the same region.',
  };
}
