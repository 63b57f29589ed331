import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSION_PROBES } from '../../src/doctor/checks/sekoia-permission-probes.ts';
import { buildSekoiaUrl } from '../../src/sekoia/build-sekoia-url.ts';
import { BOT_PERMISSIONS, type FakeSekoia, startFakeSekoia } from '../fakes/fake-sekoia/index.ts';

/**
 * The doctor's probes lean on an order of checks real Sekoia.io has (reference §11: 401 bad key,
 * 403 missing permission): the permission before the target. The fake must answer them the same.
 */
let fake: FakeSekoia;
beforeAll(async () => {
  fake = await startFakeSekoia();
});
afterAll(() => fake.close());

const send = async (probe: (typeof PERMISSION_PROBES)[number]) => {
  const { method, path, query, body } = probe.request;
  const response = await fetch(buildSekoiaUrl(fake.url, path, query), {
    method,
    headers: { authorization: `Bearer ${fake.apiKey}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return response.status;
};

describe("the fake Sekoia.io answers the doctor's probes like Sekoia.io", () => {
  it.each(PERMISSION_PROBES.map((probe) => [probe.id, probe] as const))(
    '%s: 403 without the permission, before looking at the made-up target',
    async (_id, probe) => {
      fake.setPermissions(
        fake.apiKey,
        BOT_PERMISSIONS.filter((held) => held !== probe.permission),
      );
      expect(await send(probe)).toBe(403);
    },
  );

  it.each(PERMISSION_PROBES.map((probe) => [probe.id, probe] as const))(
    '%s: with the permission, an answer about the target (2xx, or 400/404 for the made-up one)',
    async (_id, probe) => {
      fake.setPermissions(fake.apiKey, [...BOT_PERMISSIONS, 'SIC_WRITE_ALERTS']);
      expect([200, 400, 404]).toContain(await send(probe));
    },
  );

  it('answers 404 for the all-zero alert on the workflow and comment writes, and 400 for the invalid search', async () => {
    fake.setPermissions(fake.apiKey, BOT_PERMISSIONS);
    const status = (id: string) => {
      const probe = PERMISSION_PROBES.find((candidate) => candidate.id === id);
      if (probe === undefined) throw new Error(`no probe ${id}`);
      return send(probe);
    };
    expect(await status('workflow-write')).toBe(404);
    expect(await status('comments-write')).toBe(404);
    expect(await status('events-search')).toBe(400);
    expect(fake.listSearchJobs()).toHaveLength(0);
  });
});
