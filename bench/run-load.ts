/**
 * The load generator, run as its own process by ingest.ts so that it does not share the event loop
 * (or the core) of the server under test. Prints autocannon's result as one JSON line.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

const [url, connections = '50', duration = '10', uuidList = ''] = process.argv.slice(2);
if (!url) throw new Error('usage: run-load.ts <url> [connections] [seconds] [comma-separated alert uuids]');
const alertUuids = uuidList.split(',').filter(Boolean);
const alertUuid = () => alertUuids[Math.floor(Math.random() * alertUuids.length)] ?? randomUUID();

let sequence = 0;

/** Sekoia's time style, with microseconds: unique per request, as real notifications are. */
function eventTime(): string {
  sequence = (sequence + 1) % 1000;
  return new Date().toISOString().replace('Z', `${String(sequence).padStart(3, '0')}+00:00`);
}

function eventBody(): string {
  return JSON.stringify({
    type: 'alert',
    action: 'created',
    attributes: { uuid: alertUuid() },
    metadata: {
      version: 2,
      created_at: eventTime(),
      community_uuid: 'b3e1d6a2-7c44-4f0e-8a91-5c2f0d9e6b17',
      avatar_uuid: null,
      user_uuid: null,
      permissions: [],
      uuid: randomUUID(),
    },
  });
}

const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(duration),
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  // A fresh notification per request (its own metadata.uuid and time): none is a duplicate.
  requests: [{ setupRequest: (request) => ({ ...request, body: eventBody() }) }],
});
process.stdout.write(`${JSON.stringify(result)}\n`);
