import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../src/clock.ts';
import type { IntakeStore } from './intake-store.ts';
import { toSekoiaIso } from './sample-payloads.ts';

/** A search job as the API shows it (reference §9: status 0 not started … 2 done, 3 canceled, 4 failed). */
export interface FakeSearchJob {
  uuid: string;
  term: string;
  term_lang: string;
  earliest_time: string;
  latest_time: string;
  max_last_events: number | null;
  status: 0 | 1 | 2 | 3 | 4;
  /** 0 while running (a partial count would be as misleading), the match count once done. */
  total: number;
  /** Seconds the results stay readable (1800 in a recorded job). */
  results_ttl: number;
  created_at: string;
}

export interface SearchJobInput {
  term: string;
  termLang: string;
  earliestTime: string;
  latestTime: string;
  maxLastEvents: number | null;
  intakeUuid: string;
  fromMs: number;
  toMs: number;
}

interface JobRecord {
  job: FakeSearchJob;
  input: SearchJobInput;
  createdMs: number;
  pollsLeft: number;
  fails: boolean;
  events: Record<string, unknown>[];
}

export interface SearchJobStore {
  create(input: SearchJobInput): FakeSearchJob;
  /** The job as it stands, without counting a poll; undefined when unknown or expired. */
  find(uuid: string): FakeSearchJob | undefined;
  /** One poll: a running job stays running for `runningPolls` polls, then ends. Undefined once expired. */
  poll(uuid: string): FakeSearchJob | undefined;
  /** The kept events (newest first, at most `max_last_events`) of a job that is done. */
  events(uuid: string): Record<string, unknown>[] | undefined;
  setRunningPolls(count: number): void;
  failNext(): void;
  list(): FakeSearchJob[];
}

const RESULTS_TTL_S = 1800;

export function createSearchJobStore(options: { clock: Clock; intakes: IntakeStore }): SearchJobStore {
  const jobs = new Map<string, JobRecord>();
  let runningPolls = 1;
  let failNext = false;
  const toEvent = (record: JobRecord, atMs: number) => {
    const intake = options.intakes.find(record.input.intakeUuid);
    return {
      timestamp: toSekoiaIso(atMs),
      'event.created': toSekoiaIso(atMs),
      message: 'fake event',
      'sekoiaio.intake.uuid': record.input.intakeUuid,
      'sekoiaio.intake.name': intake?.name ?? null,
      'sekoiaio.entity.uuid': intake?.entity.uuid ?? null,
      'sekoiaio.entity.name': intake?.entity.name ?? null,
      alert_short_ids: [],
    };
  };
  const finish = (record: JobRecord) => {
    if (record.fails) return Object.assign(record.job, { status: 4 });
    const { intakeUuid, fromMs, toMs, maxLastEvents } = record.input;
    const times = options.intakes.eventTimes(intakeUuid, fromMs, toMs);
    record.events = times.slice(0, maxLastEvents ?? times.length).map((at) => toEvent(record, at));
    return Object.assign(record.job, { status: 2, total: times.length });
  };
  const live = (uuid: string) => {
    const record = jobs.get(uuid);
    const expired = record !== undefined && options.clock.now() > record.createdMs + RESULTS_TTL_S * 1000;
    return expired ? undefined : record;
  };
  return {
    create(input) {
      const createdMs = options.clock.now();
      const job: FakeSearchJob = {
        uuid: randomUUID(),
        term: input.term,
        term_lang: input.termLang,
        earliest_time: input.earliestTime,
        latest_time: input.latestTime,
        max_last_events: input.maxLastEvents,
        status: 1,
        total: 0,
        results_ttl: RESULTS_TTL_S,
        created_at: toSekoiaIso(createdMs),
      };
      jobs.set(job.uuid, { job, input, createdMs, pollsLeft: runningPolls, fails: failNext, events: [] });
      failNext = false;
      return { ...job };
    },
    find(uuid) {
      const record = live(uuid);
      return record === undefined ? undefined : { ...record.job };
    },
    poll(uuid) {
      const record = live(uuid);
      if (record === undefined) return undefined;
      if (record.job.status === 1 && record.pollsLeft > 0) record.pollsLeft -= 1;
      else if (record.job.status === 1) finish(record);
      return { ...record.job };
    },
    events(uuid) {
      const record = live(uuid);
      return record?.job.status === 2 ? structuredClone(record.events) : undefined;
    },
    setRunningPolls(count) {
      runningPolls = count;
    },
    failNext() {
      failNext = true;
    },
    list: () => [...jobs.values()].map((record) => ({ ...record.job })),
  };
}
