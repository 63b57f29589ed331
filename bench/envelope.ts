/**
 * `node bench/envelope.ts`: what checking the WebHook envelope costs per body, next to what parsing
 * it costs (issue 17 item 2): zod 4's schema (sekoia-event-schema.ts, its JIT on) against the check
 * written by hand that the route uses (envelope-problems.ts), each followed by the same lenient
 * reading. Prints ns per body.
 */
import { randomUUID } from 'node:crypto';
import { envelopeProblems } from '../src/ingress/envelope-problems.ts';
import { readSekoiaEvent } from '../src/ingress/read-sekoia-event.ts';
import { sekoiaEventSchema } from '../src/ingress/sekoia-event-schema.ts';

const BODIES = 1_000;
const ROUNDS = 3;

/** The load generator's body (run-load.ts): a fresh alert notification. */
function body(): string {
  return JSON.stringify({
    type: 'alert',
    action: 'created',
    attributes: { uuid: randomUUID() },
    metadata: {
      version: 2,
      created_at: new Date().toISOString(),
      community_uuid: 'b3e1d6a2-7c44-4f0e-8a91-5c2f0d9e6b17',
      avatar_uuid: null,
      user_uuid: null,
      permissions: [],
      uuid: randomUUID(),
    },
  });
}

function handChecked(value: unknown): ReturnType<typeof readSekoiaEvent> | undefined {
  return envelopeProblems(value).length === 0 ? readSekoiaEvent(value) : undefined;
}

function nsPerCall(count: number, call: (index: number) => unknown): number {
  for (let i = 0; i < 50_000; i += 1) call(i);
  const started = process.hrtime.bigint();
  let kept = 0;
  for (let i = 0; i < count; i += 1) if (call(i) !== undefined) kept += 1;
  const ns = Number(process.hrtime.bigint() - started) / count;
  if (kept !== count) throw new Error('a valid body was refused');
  return ns;
}

const texts = Array.from({ length: BODIES }, body);
const values = texts.map((text) => JSON.parse(text) as unknown);
const at = (index: number) => values[index % BODIES];
for (let round = 1; round <= ROUNDS; round += 1) {
  const parse = nsPerCall(300_000, (i) => JSON.parse(texts[i % BODIES] ?? ''));
  const zod = nsPerCall(1_000_000, (i) => sekoiaEventSchema.safeParse(at(i)).data);
  const hand = nsPerCall(1_000_000, (i) => handChecked(at(i)));
  const read = nsPerCall(1_000_000, (i) => readSekoiaEvent(at(i)));
  const line = `round ${round}: JSON.parse ${parse.toFixed(0)} ns, zod safeParse ${zod.toFixed(0)} ns, hand check + read ${hand.toFixed(0)} ns, read alone ${read.toFixed(0)} ns`;
  process.stdout.write(`${line}\n`);
}
