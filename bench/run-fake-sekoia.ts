/**
 * The fake Sekoia.io API in its own process for the benchmark (a real API is another machine: it
 * must not share the bot's event loop). Prints `{url, apiKey, alertUuids}` as one JSON line.
 */
import { startFakeSekoia } from '../test/fakes/fake-sekoia/index.ts';

const count = Number(process.argv[2] ?? 500);
const fake = await startFakeSekoia({});
const alertUuids = Array.from({ length: count }, () => fake.addAlert({}).uuid);
// The fake records every request for assertions; a benchmark sends too many to keep.
setInterval(() => fake.clearRequests(), 1_000).unref();
process.stdout.write(`${JSON.stringify({ url: fake.url, apiKey: fake.apiKey, alertUuids })}\n`);
process.on('SIGTERM', () => {
  void fake.close().then(() => process.exit(0));
});
