import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { type FakeEntra, startFakeEntra } from '../fakes/fake-entra/index.ts';

const TENANT = '3f1b0c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const APP = '8f0c2a4e-1b2c-4d3e-9f80-123456789abc';
const SECRET = 'Q~fake-entra-secret-value-0123456789';
const clock = createManualClock();
const HOUR = 3_600_000;

let entra: FakeEntra;
beforeAll(async () => {
  entra = await startFakeEntra({
    clock,
    tenants: [{ id: TENANT, displayName: 'Contoso SOC' }],
    apps: [
      {
        appId: APP,
        homeTenant: TENANT,
        audience: 'single',
        secrets: [{ value: SECRET, expiresAt: clock.now() + HOUR }],
      },
    ],
  });
});
afterAll(() => entra.close());

const goodForm = {
  client_id: APP,
  scope: 'https://api.botframework.com/.default',
  grant_type: 'client_credentials',
  client_secret: SECRET,
};

async function post(form: Record<string, string>, options: { tenant?: string; json?: boolean } = {}) {
  const response = await fetch(`${entra.loginUrl}${options.tenant ?? TENANT}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': options.json ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: options.json ? JSON.stringify(form) : new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const without = (name: keyof typeof goodForm) =>
  Object.fromEntries(Object.entries(goodForm).filter(([key]) => key !== name));

describe('the fake Entra ID token endpoint', () => {
  it('issues a Bearer token for a right client-credentials request', async () => {
    const { status, body } = await post(goodForm);
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    expect(body.access_token).toEqual(expect.any(String));
  });

  it("answers errors in Entra ID's shape: error, AADSTS description with trace lines, error_codes", async () => {
    const { status, body } = await post({ ...goodForm, client_secret: 'wrong' });
    expect(status).toBe(401);
    expect(body).toMatchObject({
      error: 'invalid_client',
      error_codes: [7000215],
      error_uri: 'https://login.microsoftonline.com/error?code=7000215',
    });
    expect(body.error_description).toMatch(
      /^AADSTS7000215: Invalid client secret provided\..*\r\nTrace ID: .+\r\nCorrelation ID: .+\r\nTimestamp: /s,
    );
    expect(body).toHaveProperty('trace_id');
    expect(body).toHaveProperty('correlation_id');
  });

  it('reads only a form body: JSON leaves grant_type missing', async () => {
    const { status, body } = await post(goodForm, { json: true });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_request', error_codes: [900144] });
    expect(body.error_description).toContain("parameter: 'grant_type'");
  });

  it('requires every parameter of the grant, and only the client-credentials grant', async () => {
    expect((await post(without('client_id'))).body).toMatchObject({ error_codes: [900144] });
    expect((await post(without('scope'))).body).toMatchObject({
      error: 'invalid_request',
      error_codes: [90014],
    });
    const secretless = await post(without('client_secret'));
    expect(secretless).toMatchObject({
      status: 401,
      body: { error: 'invalid_client', error_codes: [7000218] },
    });
    const password = await post({ ...goodForm, grant_type: 'password' });
    expect(password.body).toMatchObject({ error: 'unsupported_grant_type', error_codes: [70003] });
    const scope = await post({ ...goodForm, scope: 'https://api.botframework.com' });
    expect(scope.body).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
  });

  it('refuses /common for client credentials and names unknown or malformed tenants', async () => {
    expect((await post(goodForm, { tenant: 'common' })).body).toMatchObject({ error_codes: [9001023] });
    expect((await post(goodForm, { tenant: '99999999-9999-4999-8999-999999999999' })).body).toMatchObject({
      error_codes: [90002],
    });
    expect((await post(goodForm, { tenant: 'not-a-tenant' })).body).toMatchObject({ error_codes: [900023] });
  });

  it('does not serve a single-tenant app from the Bot Framework tenant', async () => {
    const { status, body } = await post(goodForm, { tenant: 'botframework.com' });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
    expect(body.error_description).toContain("not found in the directory 'Bot Framework'");
  });

  it('expires a secret by its clock', async () => {
    clock.advance(HOUR);
    const { status, body } = await post(goodForm);
    clock.advance(-HOUR);
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: 'invalid_client', error_codes: [7000222] });
  });

  it('has nothing but the token endpoint', async () => {
    const response = await fetch(`${entra.loginUrl}${TENANT}/oauth2/v2.0/token`);
    expect(response.status).toBe(404);
  });
});
