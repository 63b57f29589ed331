import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeRuleStoreContract } from './describe-rule-store-contract.ts';
import { describeRuleStoreReplicas } from './describe-rule-store-replicas.ts';

const dir = mkdtempSync(join(tmpdir(), 'rule-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const URLS = [
  `sqlite://${join(dir, 'rules.sqlite')}`,
  process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
];

for (const url of URLS) {
  describeRuleStoreContract(url);
  describeRuleStoreReplicas(url);
}
