import { describeCatalogReplicas } from './describe-catalog-replicas.ts';

// A real Redis server on the default port (override with TEST_REDIS_URL); fresh namespaces.
describeCatalogReplicas(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
