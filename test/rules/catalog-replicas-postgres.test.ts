import { describeCatalogReplicas } from './describe-catalog-replicas.ts';

// A real PostgreSQL server on the default port (override with TEST_POSTGRES_URL); fresh namespaces.
describeCatalogReplicas(process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
