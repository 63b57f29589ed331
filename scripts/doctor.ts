/**
 * `npm run doctor [-- --json]`: checks the configuration (environment, then `.env`) against the real
 * services and prints a checklist with a fix under each failure. Safe while the bot runs: it reads,
 * and tries each Sekoia.io permission on made-up targets only. Exits 0 when no check failed, 1
 * otherwise (an invalid configuration included), 2 on bad usage. Stdout is the checklist; warnings
 * go to stderr.
 */

import { existsSync } from 'node:fs';
import pino from 'pino';
import { composeDoctor } from '../src/compose/compose-doctor.ts';
import { type Config, loadConfig } from '../src/config/load-config.ts';
import { withEnvFile } from '../src/config/read-env-file.ts';
import { doctorVerdict } from '../src/doctor/doctor-verdict.ts';
import { renderDoctorChecklist } from '../src/doctor/render-doctor-checklist.ts';
import { renderDoctorJson } from '../src/doctor/render-doctor-json.ts';
import { runDoctorChecks } from '../src/doctor/run-doctor-checks.ts';
import { isBotError } from '../src/errors.ts';
import { createLogger } from '../src/log.ts';

const USAGE = 'usage: npm run doctor [-- --json]';
/** Longer than a request's deadline: a check may make a few, paced at Sekoia.io's 5 per second. */
const CHECK_DEADLINE_MS = 30_000;

const args = process.argv.slice(2);
if (args.some((arg) => arg === '--help' || arg === '-h')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (args.some((arg) => arg !== '--json')) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const json = args.includes('--json');

let config: Readonly<Config>;
try {
  config = loadConfig(withEnvFile(process.env, '.env'));
} catch (error) {
  if (!isBotError(error, 'config_invalid')) throw error;
  const problems = Array.isArray(error.details.problems)
    ? error.details.problems.map(String)
    : [error.message];
  process.stdout.write(
    json
      ? `${JSON.stringify({ ok: false, configProblems: problems }, null, 2)}\n`
      : `The configuration is invalid; no check was run:\n${problems.map((p) => `  ✗ ${p}`).join('\n')}\n\nFix these variables (environment or .env) and run the doctor again.\n`,
  );
  process.exit(1);
}

const log = createLogger({ level: 'warn', destination: pino.destination({ dest: 2, sync: true }) });
const doctor = composeDoctor({
  config,
  log,
  configSource: existsSync('.env') ? 'environment, then .env' : 'environment; no .env here',
});
let results: Awaited<ReturnType<typeof runDoctorChecks>>;
try {
  results = await runDoctorChecks(doctor.checks, doctor.context, { checkDeadlineMs: CHECK_DEADLINE_MS });
} finally {
  await doctor.close();
}
const color = Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined;
process.stdout.write(json ? renderDoctorJson(results) : renderDoctorChecklist(results, { color }));
process.exit(doctorVerdict(results).exitCode);
