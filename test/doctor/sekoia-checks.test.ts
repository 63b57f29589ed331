import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Env } from '../../src/config/load-config.ts';
import { createDoctorSekoia } from '../../src/doctor/checks/doctor-sekoia.ts';
import { sekoiaKeySetCheck, sekoiaKeyValidCheck } from '../../src/doctor/checks/sekoia-key-checks.ts';
import { sekoiaPermissionChecks } from '../../src/doctor/checks/sekoia-permission-checks.ts';
import { PERMISSION_PROBES } from '../../src/doctor/checks/sekoia-permission-probes.ts';
import type { DoctorCheck } from '../../src/doctor/doctor-check.ts';
import {
  BOT_PERMISSIONS,
  type FakePermission,
  type FakeSekoia,
  startFakeSekoia,
} from '../fakes/fake-sekoia/index.ts';
import { doctorContext, quietLog } from './doctor-test-context.ts';

const ALL_PERMISSIONS: readonly FakePermission[] = [...BOT_PERMISSIONS, 'SIC_WRITE_ALERTS'];

let fake: FakeSekoia;
beforeAll(async () => {
  fake = await startFakeSekoia();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.setPermissions(fake.apiKey, ALL_PERMISSIONS);
  fake.setKeyState(fake.apiKey, 'valid');
  fake.clearRequests();
});

/** A fresh run: its own context, so /v1/me is asked again. Errors pause the pacer only briefly. */
const env = (overrides: Env = {}): Env => ({
  SEKOIA_API_URL: fake.url,
  SEKOIA_APP_URL: fake.appUrl,
  SEKOIA_API_KEY: fake.apiKey,
  ...overrides,
});
const sekoia = () => createDoctorSekoia({ log: quietLog, pace: { pauseMs: 1, requestsPerSecond: 100 } });

async function runAll(checks: readonly DoctorCheck[], overrides: Env = {}) {
  const context = doctorContext(env(overrides));
  const outcomes = new Map<string, Awaited<ReturnType<DoctorCheck['run']>>>();
  for (const check of checks) outcomes.set(check.id, await check.run(context));
  return outcomes;
}

describe('the Sekoia.io key', () => {
  it('fails without SEKOIA_API_KEY, saying what the bot loses, and skips the checks that need it', async () => {
    const doctor = sekoia();
    const context = doctorContext(env({ SEKOIA_API_KEY: '' }));
    const set = await sekoiaKeySetCheck().run(context);
    expect(set).toMatchObject({
      state: 'fail',
      fix: expect.stringContaining('Settings > Workspace > API Keys'),
    });
    expect((await sekoiaKeyValidCheck(doctor).run(context)).state).toBe('skip');
    expect(fake.requests).toHaveLength(0);
  });

  it('passes with a valid key', async () => {
    expect(await sekoiaKeyValidCheck(sekoia()).run(doctorContext(env()))).toMatchObject({ state: 'ok' });
  });

  it('fails on an invalid key (401) with the fix to create one, never printing the key', async () => {
    const key = 'not-a-key-at-all-0123456789';
    const outcome = await sekoiaKeyValidCheck(sekoia()).run(doctorContext(env({ SEKOIA_API_KEY: key })));
    expect(outcome.state).toBe('fail');
    expect(outcome.detail).toContain('HTTP 401: T300');
    expect(outcome.fix).toContain('Settings > Workspace > API Keys');
    expect(JSON.stringify(outcome)).not.toContain(key);
  });

  it('fails on an expired key, saying so', async () => {
    fake.setKeyState(fake.apiKey, 'expired');
    const outcome = await sekoiaKeyValidCheck(sekoia()).run(doctorContext(env()));
    expect(outcome).toMatchObject({ state: 'fail', detail: expect.stringContaining('T301') });
  });

  it('fails when SEKOIA_API_URL does not serve the API (404 on /v1/me)', async () => {
    const outcome = await sekoiaKeyValidCheck(sekoia()).run(
      doctorContext(env({ SEKOIA_API_URL: `${fake.url}/app` })),
    );
    expect(outcome.state).toBe('fail');
    expect(outcome.detail).toContain('does not serve the Sekoia.io API: GET /v1/me answered HTTP 404');
    expect(outcome.fix).toContain('SEKOIA_API_URL');
  });

  it('fails when Sekoia.io cannot be reached', async () => {
    const outcome = await sekoiaKeyValidCheck(sekoia()).run(
      doctorContext(env({ SEKOIA_API_URL: 'http://127.0.0.1:9' })),
    );
    expect(outcome).toMatchObject({
      state: 'fail',
      detail: expect.stringContaining('not reachable from here'),
    });
  });
});

describe('the permissions', () => {
  const checksWith = (triggers: readonly string[]) => {
    const doctor = sekoia();
    return [sekoiaKeyValidCheck(doctor), ...sekoiaPermissionChecks(doctor, async () => new Set(triggers))];
  };

  it('all pass with every permission, and the probes change nothing on Sekoia.io', async () => {
    const alert = fake.addAlert({}, { notify: false });
    const outcomes = await runAll(checksWith([]));
    expect([...outcomes.values()].map((outcome) => outcome.state)).toEqual(
      Array(PERMISSION_PROBES.length + 1).fill('ok'),
    );
    expect(fake.getAlert(alert.uuid)?.comments).toHaveLength(0);
    expect(fake.listAlerts()).toHaveLength(1);
    const writes = fake.requests.filter((request) => request.method !== 'GET');
    expect(
      writes.every(
        (request) =>
          request.path.includes('00000000-0000-0000-0000-000000000000') ||
          request.path.endsWith('/search/jobs'),
      ),
    ).toBe(true);
  });

  const required: readonly [string, FakePermission][] = [
    ['alerts-read', 'SIC_READ_ALERTS'],
    ['workflow-write', 'SIC_WRITE_ALERTS_WORKFLOW'],
    ['comments-write', 'SIC_WRITE_ALERTS_COMMENTS'],
  ];
  it.each(required)(
    'fails without the required %s permission (%s), naming it in the fix',
    async (id: string, permission: FakePermission) => {
      fake.setPermissions(
        fake.apiKey,
        BOT_PERMISSIONS.filter((held) => held !== permission),
      );
      const outcomes = await runAll(checksWith([]));
      const outcome = outcomes.get(`sekoia.permission.${id}`);
      expect(outcome?.state).toBe('fail');
      expect(outcome?.fix).toContain(permission);
      const others = [...outcomes].filter(([key]) => key !== `sekoia.permission.${id}`);
      expect(others.every(([, other]) => other.state !== 'fail')).toBe(true);
    },
  );

  const optional: readonly [string, FakePermission][] = [
    ['alerts-write', 'SIC_WRITE_ALERTS'],
    ['assets-read', 'ASSETMANAGEMENT_VIEW_ASSET'],
  ];
  it.each(optional)(
    'only skips without the optional %s permission (%s), saying what is lost',
    async (id: string, permission: FakePermission) => {
      fake.setPermissions(
        fake.apiKey,
        ALL_PERMISSIONS.filter((held) => held !== permission),
      );
      const outcome = (await runAll(checksWith([]))).get(`sekoia.permission.${id}`);
      expect(outcome).toMatchObject({ state: 'skip', detail: expect.stringContaining('missing: ') });
      expect(outcome?.fix).toContain(permission);
    },
  );

  const byTrigger: readonly [string, FakePermission, string][] = [
    ['catalog-read', 'SIC_READ_CONF', 'rule-added'],
    ['intakes-read', 'SIC_READ_INTAKES', 'intake-silent'],
    ['events-search', 'SIC_READ_INTAKES', 'intake-silent'],
    ['content-proposals-read', 'INTHREAT_READ_CONTENT_PROPOSALS', 'report'],
    ['reports-read', 'INTHREAT_READ_OBJECTS', 'report'],
  ];
  it.each(byTrigger)(
    'fails without %s (%s) only while a rule subscribes to %s',
    async (id: string, permission: FakePermission, trigger: string) => {
      fake.setPermissions(
        fake.apiKey,
        BOT_PERMISSIONS.filter((held) => held !== permission),
      );
      const unused = (await runAll(checksWith(['alert-raised']))).get(`sekoia.permission.${id}`);
      expect(unused).toMatchObject({ state: 'skip', detail: expect.stringContaining('no rule subscribes') });
      const used = (await runAll(checksWith(['alert-raised', trigger]))).get(`sekoia.permission.${id}`);
      expect(used).toMatchObject({ state: 'fail', fix: expect.stringContaining(permission) });
    },
  );

  it('are skipped, not failed again, when the key is refused', async () => {
    fake.setKeyState(fake.apiKey, 'revoked');
    const outcomes = await runAll(checksWith([]));
    expect(outcomes.get('sekoia.key-valid')?.state).toBe('fail');
    const probes = [...outcomes].filter(([key]) => key.startsWith('sekoia.permission.'));
    expect(probes.map(([, outcome]) => outcome.state)).toEqual(Array(PERMISSION_PROBES.length).fill('skip'));
  });
});
