import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeCatalogReplicas } from './describe-catalog-replicas.ts';

// Two stores on one SQLite file in one process: their notices go through the process.
const dir = mkdtempSync(join(tmpdir(), 'catalog-replicas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeCatalogReplicas(`sqlite://${join(dir, 'shared.sqlite')}`);
