import type { JobRunRecord } from './scheduled-job.ts';

/**
 * Where the last runs of the jobs are kept for `status`, shared by the replicas: one value per key,
 * read back as unknown and checked. A store namespace fits (the app passes `store.keyv('scheduler')`).
 */
export interface RunRecords {
  get(key: string): Promise<unknown>;
  set(key: string, value: JobRunRecord | number): Promise<unknown>;
}
