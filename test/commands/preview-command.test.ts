import { afterEach, describe, expect, it } from 'vitest';
import { BotError } from '../../src/errors.ts';
import { createPreviewer } from '../../src/preview/create-previewer.ts';
import { alertSchema } from '../../src/sekoia/alert-schema.ts';
import type { SekoiaApi } from '../../src/sekoia/sekoia-api.ts';
import { buildAlert } from '../fakes/fake-sekoia/index.ts';
import { type Harness, onlyReply, startHarness } from './command-harness.ts';

/** Alerts raised an hour before `now`, `count` of each urgency. */
function alertsAt(now: number, counts: Record<number, number>) {
  const created = Math.floor(now / 1000) - 3_600;
  return Object.entries(counts).flatMap(([urgency, count]) =>
    Array.from({ length: count }, () =>
      alertSchema.parse(
        buildAlert({
          uuid: crypto.randomUUID(),
          created_at: created,
          urgency: { ...buildAlert().urgency, current_value: Number(urgency) },
        }),
      ),
    ),
  );
}

/** The listing's paging over a fixed set of alerts (its filters are the fake Sekoia.io's business). */
function listingOf(alerts: ReturnType<typeof alertsAt>): Pick<SekoiaApi, 'listAlerts'> {
  return {
    async listAlerts(input) {
      const items = alerts.slice(input.offset ?? 0, (input.offset ?? 0) + input.limit);
      return { items, unreadable: 0, size: items.length };
    },
  };
}

describe('preview and subscribe … --preview through the neutral context', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness.close();
  });

  const start = async (sekoia: Pick<SekoiaApi, 'listAlerts'>, maxPages = 20) => {
    let now = 0;
    harness = await startHarness(1, {
      preview: createPreviewer({ sekoia, now: () => now, bounds: { maxPages, budgetMs: 10_000 } }),
    });
    now = harness.clock.now();
    return now;
  };

  it('suggests an urgency floor for a noisy rule, with the figure it gives', async () => {
    let alerts: ReturnType<typeof alertsAt> = [];
    const now = await start({ listAlerts: (input) => listingOf(alerts).listAlerts(input) });
    alerts = alertsAt(now, { 20: 400, 60: 200, 90: 84 });
    const reply = onlyReply(await harness.run('preview alert-raised'));
    expect(reply.kind).toBe('info');
    expect(reply.text).toBe('Preview of alert-raised: 684 cards in the last 7 days (about 98/day)');
    expect(reply.chart?.map((bar) => bar.value)).toEqual([0, 0, 0, 0, 0, 0, 684]);
    expect(reply.lines).toContain('Above 50/day: add urgency>=medium to cut it to 41/day');
    expect(reply.code).toEqual(['subscribe alert-raised']);
  });

  it('says "at least" and why when the page bound cuts the reading', async () => {
    let alerts: ReturnType<typeof alertsAt> = [];
    const now = await start({ listAlerts: (input) => listingOf(alerts).listAlerts(input) }, 2);
    alerts = alertsAt(now, { 80: 250 });
    const reply = onlyReply(await harness.run('preview alert-raised urgency>=high'));
    expect(reply.text).toContain('at least 200 cards in the last 7 days');
    expect(reply.lines).toContain('Stopped after 2 pages (200 alerts read): the figures are lower bounds');
  });

  it('keeps the rule subscribe … --preview created when Sekoia.io cannot be read, and says why', async () => {
    await start({
      listAlerts: async () => {
        throw new BotError('sekoia_unavailable', { message: 'down' });
      },
    });
    const reply = onlyReply(await harness.run('subscribe alert-raised urgency>=high --preview'));
    expect(reply.kind).toBe('success');
    expect(reply.text).toMatch(/^Rule \w+ created: alert-raised urgency>=high$/);
    expect(reply.lines).toEqual([
      'No preview: Sekoia.io could not be read (sekoia_unavailable); try again in a moment',
    ]);
    expect(reply.chart).toBeUndefined();
    expect(onlyReply(await harness.run('rules')).text).toContain('1 rule in this channel');
  });

  it('refuses what cannot be previewed, and a second preview while one runs in the channel', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await start({
      async listAlerts() {
        await held;
        return { items: [], unreadable: 0, size: 0 };
      },
    });
    expect(onlyReply(await harness.run('preview alert-updated change=status')).text).toBe(
      'No preview: a rule on change= cannot be previewed: the alert listing does not say what each update changed',
    );
    expect(onlyReply(await harness.run('preview intake-silent intake=x for=1h')).text).toMatch(
      /^No preview: only alert rules can be previewed/,
    );
    const first = harness.run('preview alert-raised');
    const second = onlyReply(await harness.run('preview alert-raised urgency>=high'));
    expect(second.text).toBe(
      'No preview: a preview is already running in this channel: its answer comes first',
    );
    release();
    expect(onlyReply(await first).text).toContain(': 0 cards in the last 7 days');
  });
});
