import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { buildIntakeSearchTerm } from '../../src/sekoia/build-intake-search-term.ts';
import { SEARCH_JOB_STATUS } from '../../src/sekoia/search-job-schema.ts';
import { toSekoiaIso } from '../fakes/fake-sekoia/index.ts';
import type { SekoiaHarness } from './start-sekoia-harness.ts';
import { startSekoiaHarness } from './start-sekoia-harness.ts';

const HOUR = 3_600_000;
const clock = createManualClock(Date.UTC(2026, 2, 2, 12, 0, 0));
let harness: SekoiaHarness;
let intakeUuid: string;

beforeEach(async () => {
  clock.set(Date.UTC(2026, 2, 2, 12, 0, 0));
  harness = await startSekoiaHarness({ fake: { clock } });
  intakeUuid = harness.fake.addIntake({ name: 'Firewall EU' }).uuid;
});
afterEach(() => harness.close());

/** The inactivity check of reference §9: events of one intake over the last `windowMs`. */
function searchLast(windowMs: number, maxLastEvents = 1) {
  return harness.client.createSearchJob({
    term: buildIntakeSearchTerm(intakeUuid),
    earliestTime: new Date(clock.now() - windowMs).toISOString(),
    latestTime: 'now',
    maxLastEvents,
  });
}

describe('event search jobs', () => {
  it('run for one poll, then are done with the count of the window and the latest event', async () => {
    const other = harness.fake.addIntake({ name: 'Proxy' }).uuid;
    for (const ago of [2 * HOUR, 0.5 * HOUR, 0.1 * HOUR])
      harness.fake.recordIntakeEvent(intakeUuid, clock.now() - ago);
    harness.fake.recordIntakeEvent(other, clock.now() - 60_000);
    const created = await searchLast(HOUR);
    expect(created).toMatchObject({ status: SEARCH_JOB_STATUS.running });
    expect(harness.fake.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/sic/conf/events/search/jobs',
      body: {
        term: `sekoiaio.intake.uuid:${intakeUuid}`,
        earliest_time: '2026-03-02T11:00:00.000Z',
        latest_time: 'now',
        max_last_events: 1,
      },
    });
    await expect(harness.client.getSearchJob(created.uuid)).resolves.toMatchObject({ status: 1 });
    await expect(harness.client.getSearchJob(created.uuid)).resolves.toEqual({
      uuid: created.uuid,
      status: SEARCH_JOB_STATUS.done,
      total: 2,
    });
    const events = await harness.client.getSearchJobEvents(created.uuid, { limit: 1 });
    expect(events.items).toHaveLength(1);
    expect(events.items[0]).toMatchObject({
      timestamp: toSekoiaIso(clock.now() - 0.1 * HOUR),
      'sekoiaio.intake.uuid': intakeUuid,
    });
  });

  it('find nothing for a silent intake: done with total 0 and no events', async () => {
    harness.fake.recordIntakeEvent(intakeUuid, clock.now() - 3 * HOUR);
    harness.fake.setSearchJobRunningPolls(0);
    const job = await searchLast(2 * HOUR);
    await expect(harness.client.getSearchJob(job.uuid)).resolves.toEqual({
      uuid: job.uuid,
      status: 2,
      total: 0,
    });
    await expect(harness.client.getSearchJobEvents(job.uuid, { limit: 1 })).resolves.toEqual({
      items: [],
      total: 0,
    });
  });

  it('stay running for as many polls as configured, counting relative windows', async () => {
    harness.fake.recordIntakeEvent(intakeUuid, clock.now() - 20 * 86_400_000);
    harness.fake.setSearchJobRunningPolls(3);
    const job = await harness.client.createSearchJob({
      term: buildIntakeSearchTerm(intakeUuid),
      earliestTime: '-30d',
      latestTime: 'now',
    });
    const statuses = [];
    for (let poll = 0; poll < 4; poll += 1)
      statuses.push((await harness.client.getSearchJob(job.uuid)).status);
    expect(statuses).toEqual([1, 1, 1, 2]);
    await expect(harness.client.getSearchJob(job.uuid)).resolves.toMatchObject({ total: 1 });
  });

  it('can fail (status 4), and then have no events to read', async () => {
    harness.fake.failNextSearchJob();
    const job = await searchLast(HOUR);
    await harness.client.getSearchJob(job.uuid);
    await expect(harness.client.getSearchJob(job.uuid)).resolves.toMatchObject({
      status: SEARCH_JOB_STATUS.failed,
    });
    await expect(harness.client.getSearchJobEvents(job.uuid, { limit: 1 })).rejects.toMatchObject({
      code: 'sekoia_rejected',
      details: { status: 400 },
    });
    const next = await searchLast(HOUR);
    await harness.client.getSearchJob(next.uuid);
    await expect(harness.client.getSearchJob(next.uuid)).resolves.toMatchObject({ status: 2 });
  });

  it('retries a 5xx on a poll without losing the job, and reports an outage as sekoia_unavailable', async () => {
    const job = await searchLast(HOUR);
    harness.fake.failNext(1, 502);
    await expect(harness.client.getSearchJob(job.uuid)).resolves.toMatchObject({ status: 1 });
    expect(harness.sleeps).toHaveLength(1);
    harness.fake.setDown(true);
    await expect(harness.client.getSearchJob(job.uuid)).rejects.toMatchObject({
      code: 'sekoia_unavailable',
      retryable: true,
    });
    harness.fake.setDown(false);
    await expect(harness.client.getSearchJob(job.uuid)).resolves.toMatchObject({ status: 2 });
  });

  it('expire after results_ttl (1800 s) and reject a term the fake does not know', async () => {
    const job = await searchLast(HOUR);
    clock.advance(1_801_000);
    await expect(harness.client.getSearchJob(job.uuid)).rejects.toMatchObject({ code: 'sekoia_not_found' });
    await expect(
      harness.client.createSearchJob({
        term: 'event.dialect:firewall',
        earliestTime: '-1h',
        latestTime: 'now',
      }),
    ).rejects.toMatchObject({ code: 'sekoia_rejected', details: { status: 400 } });
  });
});
