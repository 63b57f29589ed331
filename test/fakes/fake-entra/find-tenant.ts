import { type EntraAnswer, entraError } from './entra-error.ts';
import type { FakeEntraApp, FakeEntraTenant } from './fake-entra-model.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The tenant a login URL names, by id or by one of its domains, case-insensitively. */
export function findTenant(tenants: readonly FakeEntraTenant[], name: string): FakeEntraTenant | undefined {
  const wanted = name.toLowerCase();
  return tenants.find(
    (tenant) =>
      tenant.id.toLowerCase() === wanted ||
      (tenant.domains ?? []).some((domain) => domain.toLowerCase() === wanted),
  );
}

/**
 * Entra ID's answer to a tenant it has not got: 90002 for a well-formed id or domain nobody owns
 * (microsoft/azure-tools-for-java#4609, sjkp/letsencrypt-siteextension#108); 9001023 for /common and
 * /consumers, which client credentials cannot use (Microsoft365DSC/MSCloudLoginAssistant#100);
 * 900023 for anything else (caddy-dns/azure#3, a GUID one digit short; microsoft/Analysis-Services#194).
 */
export function refuseTenant(name: string, nowMs: number): EntraAnswer {
  if (GUID.test(name) || name.includes('.')) {
    return entraError(
      400,
      'invalid_request',
      90002,
      `Tenant '${name}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
      nowMs,
    );
  }
  if (name === 'common' || name === 'consumers') {
    return entraError(
      400,
      'invalid_request',
      9001023,
      'The grant type is not supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.',
      nowMs,
    );
  }
  return entraError(
    400,
    'invalid_request',
    900023,
    `Specified tenant identifier '${name}' is neither a valid DNS name, nor a valid external domain.`,
    nowMs,
  );
}

/** An app signs in at home; a multi-tenant one also at the Bot Framework tenant (as MultiTenant bots do). */
export function servesApp(
  tenants: readonly FakeEntraTenant[],
  tenant: FakeEntraTenant,
  app: FakeEntraApp,
): boolean {
  if (findTenant(tenants, app.homeTenant)?.id === tenant.id) return true;
  return app.audience === 'multi' && (tenant.domains ?? []).includes('botframework.com');
}
