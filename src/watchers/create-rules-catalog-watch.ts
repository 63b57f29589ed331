import { ruleAddedJob } from '../delivery/watch-jobs.ts';
import type { Logger } from '../log.ts';
import { encodeJob } from '../queue/encode-job.ts';
import type { NewJob } from '../queue/job-queue.ts';
import type { CatalogRuleFields } from '../triggers/rule-added/normalize-rule-added.ts';

const SEEN = 'seen-rule-uuids';

/** The key-value records the watch keeps what it has seen in (the app passes the 'catalog' namespace). */
export interface CatalogRecords {
  get(key: string): Promise<unknown>;
  set(key: string, value: string[]): Promise<unknown>;
}

export interface CatalogSource {
  /** One page of the Rules Catalog. */
  listPage(offset: number, limit: number): Promise<CatalogRuleFields[]>;
}

/**
 * Lists the Rules Catalog and turns each rule not seen before into a `rule-added` event. The first
 * run only records the catalog. A failure leaves what was seen unchanged, so the next run retries;
 * events are enqueued before the catalog is recorded, and their dedupe key drops a repeat.
 */
export function createRulesCatalogWatch(options: {
  source: CatalogSource;
  records: CatalogRecords;
  enqueue: (job: NewJob) => Promise<unknown>;
  log: Logger;
  pageSize?: number;
}): () => Promise<{ recorded: number; added: number }> {
  const pageSize = options.pageSize ?? 100;
  return async () => {
    const rules: CatalogRuleFields[] = [];
    for (let offset = 0; ; offset += pageSize) {
      const page = await options.source.listPage(offset, pageSize);
      rules.push(...page);
      if (page.length < pageSize) break;
    }
    const stored = await options.records.get(SEEN);
    const seen = new Set(
      Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [],
    );
    const fresh = stored === undefined ? [] : rules.filter((rule) => !seen.has(rule.uuid));
    for (const rule of fresh) {
      await options.enqueue(encodeJob(ruleAddedJob, rule, { dedupeKeys: [`rule-added:${rule.uuid}`] }));
    }
    await options.records.set(SEEN, [...new Set([...seen, ...rules.map((rule) => rule.uuid)])]);
    if (stored === undefined)
      options.log.info({ rules: rules.length }, 'rules catalog recorded (first run: nothing posted)');
    else if (fresh.length > 0) options.log.info({ added: fresh.length }, 'new rules in the catalog');
    return { recorded: rules.length, added: fresh.length };
  };
}
