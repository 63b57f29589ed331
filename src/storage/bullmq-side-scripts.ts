/**
 * The bookkeeping that BullMQ does not do for the JobQueue port, as Lua scripts run next to the
 * queue's keys: each is atomic, so replicas racing on the same keys see one outcome.
 */

/**
 * Dedupe at claim. KEYS: the key → first job hash, the key → first-seen time sorted set.
 * ARGV: job id, now, then the job's keys. Returns the id of an earlier job that carried one of the
 * keys, or false; when there is none, the keys become this job's (a retry is not its own duplicate).
 */
export const CLAIM_DEDUPE_KEYS = `
local jobId = ARGV[1]
for i = 3, #ARGV do
  local seen = redis.call('HGET', KEYS[1], ARGV[i])
  if seen and seen ~= jobId then return seen end
end
for i = 3, #ARGV do
  redis.call('HSET', KEYS[1], ARGV[i], jobId)
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[i])
end
return false
`;

/** Forgets dedupe keys first seen before ARGV[1]. KEYS as above. Returns how many. */
export const PRUNE_DEDUPE_KEYS = `
local old = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[1])
for i = 1, #old, 1000 do
  local last = math.min(i + 999, #old)
  redis.call('HDEL', KEYS[1], unpack(old, i, last))
  redis.call('ZREM', KEYS[2], unpack(old, i, last))
end
return #old
`;

/**
 * Takes every job that waits for ARGV[1] out of the job → dependency hash (KEYS[1]) and returns
 * their ids. One hash rather than a set per dependency: a job retried for another dependency just
 * overwrites its entry, so no stale membership can wake it early.
 */
export const TAKE_WAITING_FOR = `
local all = redis.call('HGETALL', KEYS[1])
local taken = {}
for i = 1, #all, 2 do
  if all[i + 1] == ARGV[1] then
    redis.call('HDEL', KEYS[1], all[i])
    taken[#taken + 1] = all[i]
  end
end
return taken
`;
