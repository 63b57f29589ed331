import { startPrivatePostgres } from './private-postgres.ts';
import { describeReplicaFaults } from './replica-fault-scenarios.ts';

// Issue 13: the work queue, rules, cards and leases on PostgreSQL.
describeReplicaFaults(startPrivatePostgres);
