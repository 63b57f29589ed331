import { startPrivateRedis } from './private-redis.ts';
import { describeReplicaFaults } from './replica-fault-scenarios.ts';

// Issue 13: the work queue on BullMQ, rules, cards and leases on a Redis with AOF.
describeReplicaFaults(startPrivateRedis);
