/** Queue job kinds the watchers enqueue: each carries one event, delivered like a WebHook's. */
export const RULE_ADDED_JOB = 'rule-added';
export const INTAKE_SILENCE_JOB = 'intake-silence';
