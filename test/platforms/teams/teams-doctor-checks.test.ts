import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/clock.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import type { CheckOutcome, DoctorContext } from '../../../src/doctor/doctor-check.ts';
import { teamsDoctorChecks } from '../../../src/platforms/teams/teams-doctor-checks.ts';
import { teamsPlatform } from '../../../src/platforms/teams/teams-platform.ts';
import { type FakeEntra, startFakeEntra } from '../../fakes/fake-entra/index.ts';

const TENANT = '3f1b0c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const SINGLE_APP = '8f0c2a4e-1b2c-4d3e-9f80-123456789abc';
const MULTI_APP = '11111111-2222-4333-8444-555555555555';
const SINGLE_SECRET = 'Q~single.tenant_secret-value-0123456789';
const MULTI_SECRET = 'Q~multi.tenant_secret-value-9876543210';
const OLD_SECRET = 'Q~expired.secret-value-abcdefghijklmn';
const clock = createManualClock();
const DAY = 86_400_000;

let entra: FakeEntra;

beforeAll(async () => {
  entra = await startFakeEntra({
    clock,
    tenants: [{ id: TENANT, displayName: 'Contoso SOC', domains: ['contoso-soc.onmicrosoft.com'] }],
    apps: [
      {
        appId: SINGLE_APP,
        homeTenant: TENANT,
        audience: 'single',
        secrets: [
          { value: SINGLE_SECRET, expiresAt: clock.now() + 180 * DAY },
          { value: OLD_SECRET, expiresAt: clock.now() - DAY },
        ],
      },
      {
        appId: MULTI_APP,
        homeTenant: TENANT,
        audience: 'multi',
        secrets: [{ value: MULTI_SECRET, expiresAt: clock.now() + 180 * DAY }],
      },
    ],
  });
});

afterAll(() => entra.close());

function contextFor(env: Record<string, string>): DoctorContext {
  return {
    config: loadConfig(env),
    fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(2_000) }),
    ruleChannels: () => Promise.reject(new Error('no store in these tests')),
  };
}

/** Every Teams check's outcome, by id, with the login base at `loginUrl`. */
async function runChecks(env: Record<string, string>, loginUrl = entra.loginUrl) {
  const context = contextFor(env);
  const outcomes: Record<string, CheckOutcome> = {};
  for (const check of teamsDoctorChecks({ loginUrl })) {
    expect(check.group).toBe('Microsoft Teams');
    outcomes[check.id] = await check.run(context);
  }
  return outcomes as Record<'teams.credentials' | 'teams.token' | 'teams.endpoint', CheckOutcome>;
}

const singleTenant = (overrides: Record<string, string> = {}) => ({
  PUBLIC_URL: 'https://chatops.example.com',
  MicrosoftAppId: SINGLE_APP,
  MicrosoftAppPassword: SINGLE_SECRET,
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: TENANT,
  ...overrides,
});

function expectNoSecret(outcomes: Record<string, CheckOutcome>, ...secrets: string[]) {
  const text = JSON.stringify(outcomes);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

/** A login base on loopback answering each request with the next of `answers`. */
async function withStandIn(
  answers: { status: number; type: string; body: string }[],
  use: (loginUrl: string) => Promise<void>,
): Promise<void> {
  const stand = createServer((_req, res) => {
    const answer = answers.shift() ?? { status: 500, type: 'text/plain', body: 'no more answers' };
    res.writeHead(answer.status, { 'Content-Type': answer.type });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => stand.listen(0, '127.0.0.1', resolve));
  try {
    await use(`http://127.0.0.1:${(stand.address() as AddressInfo).port}/`);
  } finally {
    await new Promise<void>((resolve) => stand.close(() => resolve()));
  }
}

describe('the Microsoft Teams doctor checks', () => {
  it('skips everything in local mode, saying only the Playground can talk to the bot', async () => {
    const outcomes = await runChecks({});
    expect(outcomes['teams.credentials']).toMatchObject({ state: 'skip' });
    expect(outcomes['teams.credentials'].detail).toMatch(/local mode: only Microsoft 365 Agents Playground/);
    expect(outcomes['teams.credentials'].fix).toContain('manifests/teams/README.md §1–2');
    expect(outcomes['teams.token'].state).toBe('skip');
    expect(outcomes['teams.endpoint'].state).toBe('skip');
    expect(entra.requests).toHaveLength(0);
  });

  it('obtains a token for a good SingleTenant app, asked of its own tenant as botbuilder does', async () => {
    entra.requests.length = 0;
    const outcomes = await runChecks(singleTenant());
    expect(outcomes['teams.credentials'].state).toBe('ok');
    expect(outcomes['teams.token']).toMatchObject({ state: 'ok' });
    expect(outcomes['teams.token'].detail).toContain(`tenant ${TENANT}`);
    expect(entra.requests).toEqual([
      {
        method: 'POST',
        path: `/${TENANT}/oauth2/v2.0/token`,
        contentType: 'application/x-www-form-urlencoded;charset=utf-8',
        form: {
          client_id: SINGLE_APP,
          scope: 'https://api.botframework.com/.default',
          grant_type: 'client_credentials',
          client_secret: SINGLE_SECRET,
        },
      },
    ]);
    expectNoSecret(outcomes, SINGLE_SECRET);
  });

  it('obtains a token for a good MultiTenant app from the Bot Framework tenant, whatever tenant id is set', async () => {
    entra.requests.length = 0;
    const outcomes = await runChecks({
      PUBLIC_URL: 'https://chatops.example.com',
      MicrosoftAppId: MULTI_APP,
      MicrosoftAppPassword: MULTI_SECRET,
      MicrosoftAppTenantId: TENANT,
    });
    expect(outcomes['teams.credentials'].detail).toContain(
      'MicrosoftAppTenantId is not used with MultiTenant',
    );
    expect(outcomes['teams.token']).toMatchObject({ state: 'ok' });
    expect(outcomes['teams.token'].detail).toContain('MultiTenant, tenant botframework.com');
    expect(entra.requests.map((request) => request.path)).toEqual(['/botframework.com/oauth2/v2.0/token']);
  });

  it("fails a wrong secret, telling to use the secret's Value rather than its ID", async () => {
    const wrong = 'Q~not-the-right-secret-value-00000000';
    const outcomes = await runChecks(singleTenant({ MicrosoftAppPassword: wrong }));
    expect(outcomes['teams.token'].state).toBe('fail');
    expect(outcomes['teams.token'].detail).toMatch(/wrong client secret \(AADSTS7000215, HTTP 401\)/);
    expect(outcomes['teams.token'].fix).toMatch(
      /MicrosoftAppPassword must be the client secret's Value.*not its Secret ID/,
    );
    expectNoSecret(outcomes, wrong);
  });

  it('fails an expired secret, telling to create a new one', async () => {
    const outcomes = await runChecks(singleTenant({ MicrosoftAppPassword: OLD_SECRET }));
    expect(outcomes['teams.token'].state).toBe('fail');
    expect(outcomes['teams.token'].detail).toMatch(/expired \(AADSTS7000222, HTTP 401\)/);
    expect(outcomes['teams.token'].fix).toMatch(/create a new client secret, set MicrosoftAppPassword/);
    expectNoSecret(outcomes, OLD_SECRET);
  });

  it('fails an app the tenant does not know, naming the app id and the tenant variables', async () => {
    const stranger = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    const outcomes = await runChecks(singleTenant({ MicrosoftAppId: stranger }));
    expect(outcomes['teams.token'].state).toBe('fail');
    expect(outcomes['teams.token'].detail).toMatch(
      new RegExp(`app ${stranger} is not in tenant ${TENANT} \\(AADSTS700016, HTTP 400\\)`),
    );
    expect(outcomes['teams.token'].fix).toMatch(
      /MicrosoftAppId must be the Microsoft App ID and MicrosoftAppTenantId/,
    );
    expectNoSecret(outcomes, SINGLE_SECRET);
  });

  it('fails a single-tenant app configured as MultiTenant, telling to set SingleTenant and the tenant id', async () => {
    const outcomes = await runChecks(singleTenant({ MicrosoftAppType: 'MultiTenant' }));
    expect(outcomes['teams.token'].state).toBe('fail');
    expect(outcomes['teams.token'].detail).toContain('is not in tenant botframework.com (AADSTS700016');
    expect(outcomes['teams.token'].fix).toMatch(/MicrosoftAppType=SingleTenant and MicrosoftAppTenantId/);
  });

  it('fails a tenant that does not exist, whether well-formed or not, pointing at MicrosoftAppTenantId', async () => {
    const unknown = await runChecks(
      singleTenant({ MicrosoftAppTenantId: '99999999-9999-4999-8999-999999999999' }),
    );
    expect(unknown['teams.token'].detail).toMatch(/does not exist \(AADSTS90002, HTTP 400\)/);
    expect(unknown['teams.token'].fix).toMatch(/^Set MicrosoftAppTenantId to the App Tenant ID/);
    const malformed = await runChecks(
      singleTenant({ MicrosoftAppTenantId: '3f1b0c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4' }),
    );
    expect(malformed['teams.token']).toMatchObject({ state: 'fail' });
    expect(malformed['teams.token'].detail).toContain('AADSTS900023');
    expect(malformed['teams.token'].fix).toMatch(/^Set MicrosoftAppTenantId/);
  });

  it('accepts the tenant by its domain name, as Entra ID does', async () => {
    const outcomes = await runChecks(singleTenant({ MicrosoftAppTenantId: 'contoso-soc.onmicrosoft.com' }));
    expect(outcomes['teams.token'].state).toBe('ok');
  });

  it('fails when Entra ID cannot be reached, naming the host to open', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcomes = await runChecks(singleTenant(), `http://127.0.0.1:${port}/`);
    expect(outcomes['teams.token'].state).toBe('fail');
    expect(outcomes['teams.token'].detail).toMatch(
      new RegExp(`127\\.0\\.0\\.1:${port}\\) could not be reached`),
    );
    expect(outcomes['teams.token'].fix).toContain(`outbound HTTPS to 127.0.0.1:${port}`);
    expectNoSecret(outcomes, SINGLE_SECRET);
  });

  it('skips while Entra ID answers 5xx, and fails a 200 that is no token (a proxy answering instead)', async () => {
    await withStandIn(
      [
        { status: 503, type: 'text/html', body: '<html>Service Unavailable</html>' },
        { status: 200, type: 'text/html', body: '<html>Sign in to the corporate proxy</html>' },
      ],
      async (loginUrl) => {
        const busy = await runChecks(singleTenant(), loginUrl);
        expect(busy['teams.token']).toMatchObject({
          state: 'skip',
          fix: 'Run the doctor again in a few minutes.',
        });
        expect(busy['teams.token'].detail).toContain('answered 503');
        const proxied = await runChecks(singleTenant(), loginUrl);
        expect(proxied['teams.token'].state).toBe('fail');
        expect(proxied['teams.token'].detail).toContain('answered 200 without a token');
      },
    );
  });

  it('quotes any other refusal by its error and first description line, the secret masked', async () => {
    const body = JSON.stringify({
      error: 'invalid_request',
      error_description: `AADSTS50000: There was an error issuing a token for '${SINGLE_SECRET}'.\r\nTrace ID: 0000\r\nCorrelation ID: 1111`,
      error_codes: [50000],
    });
    await withStandIn([{ status: 400, type: 'application/json', body }], async (loginUrl) => {
      const outcomes = await runChecks(singleTenant(), loginUrl);
      expect(outcomes['teams.token']).toMatchObject({ state: 'fail' });
      expect(outcomes['teams.token'].detail).toBe(
        "Entra ID refused the token: invalid_request: AADSTS50000: There was an error issuing a token for '***'. (AADSTS50000, HTTP 400)",
      );
      expect(outcomes['teams.token'].fix).toMatch(
        /^Compare MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType/,
      );
      expectNoSecret(outcomes, SINGLE_SECRET);
    });
  });

  it('skips the token for UserAssignedMSI (only the Azure resource can get it), saying how to check', async () => {
    entra.requests.length = 0;
    const outcomes = await runChecks({
      PUBLIC_URL: 'https://chatops.example.com',
      MicrosoftAppId: SINGLE_APP,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: TENANT,
    });
    expect(outcomes['teams.credentials'].state).toBe('ok');
    expect(outcomes['teams.token']).toMatchObject({ state: 'skip' });
    expect(outcomes['teams.token'].fix).toMatch(/Identity → User assigned/);
    expect(entra.requests).toHaveLength(0);
  });

  it('fails an app id that is not a GUID before asking Entra ID', async () => {
    entra.requests.length = 0;
    const outcomes = await runChecks(singleTenant({ MicrosoftAppId: 'sekoia-bot' }));
    expect(outcomes['teams.credentials']).toMatchObject({
      state: 'fail',
      detail: 'MicrosoftAppId is not a GUID',
    });
    expect(outcomes['teams.token'].state).toBe('skip');
    expect(entra.requests).toHaveLength(0);
  });

  it('fails an http PUBLIC_URL once there are credentials: the Azure Bot wants an https endpoint', async () => {
    const outcomes = await runChecks(singleTenant({ PUBLIC_URL: 'http://chatops.example.com:3978' }));
    expect(outcomes['teams.endpoint'].state).toBe('fail');
    expect(outcomes['teams.endpoint'].detail).toContain(
      'http://chatops.example.com:3978/api/messages is not HTTPS',
    );
    expect(outcomes['teams.endpoint'].fix).toMatch(
      /behind TLS.*set PUBLIC_URL to that https:\/\/ URL.*\+ \/api\/messages/,
    );
  });

  it('fails the default PUBLIC_URL (this machine) and an https loopback one', async () => {
    const { PUBLIC_URL: _unset, ...noPublicUrl } = singleTenant();
    const byDefault = await runChecks(noPublicUrl);
    expect(byDefault['teams.endpoint'].state).toBe('fail');
    const loopback = await runChecks(singleTenant({ PUBLIC_URL: 'https://localhost:8443' }));
    expect(loopback['teams.endpoint']).toMatchObject({ state: 'fail' });
    expect(loopback['teams.endpoint'].detail).toContain('names this machine');
  });

  it('passes an https PUBLIC_URL, reminding to compare the Azure Bot setting by hand', async () => {
    const outcomes = await runChecks(singleTenant());
    expect(outcomes['teams.endpoint'].state).toBe('ok');
    expect(outcomes['teams.endpoint'].detail).toContain('https://chatops.example.com/api/messages');
    expect(outcomes['teams.endpoint'].detail).toMatch(
      /cannot read the Azure Bot's own setting.*Azure management rights/,
    );
  });

  it('are the checks the Teams platform gives the doctor', () => {
    const ids = teamsPlatform.doctorChecks?.(loadConfig({})).map((check) => check.id);
    expect(ids).toEqual(['teams.credentials', 'teams.token', 'teams.endpoint']);
  });
});
