/**
 * `npm run demo`: the bot and a local stand-in for Sekoia.io, end to end on loopback. Sekoia.io
 * raises alerts and sends its WebHooks; the bot stores them, re-reads each alert through the API and
 * shows the notification it hands to the chat platforms. (Mattermost and Teams cards come with the
 * platform work; until then the notifications are printed here.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load-config.ts';
import type { DeliveryPort } from '../src/delivery/delivery-port.ts';
import { createLogger } from '../src/log.ts';
import type { Notification } from '../src/normalize/notification.ts';
import { WORKFLOW_ACTIONS } from '../src/sekoia/workflow-constants.ts';
import { buildAlertWebhook, startFakeSekoia } from '../test/fakes/fake-sekoia/index.ts';

const out = (line = '') => process.stdout.write(`${line}\n`);
const SECRET = 'demo-webhook-secret-0123456789abcdef';

function show(n: Notification): void {
  if (n.kind === 'other') {
    out(`  [${n.event.type}/${n.event.action}] kept (event ${n.event.id})`);
    return;
  }
  const a = n.alert;
  const changed = n.changes.length > 0 ? ` (changed: ${n.changes.join(', ')})` : '';
  out(`  ┌ ${n.trigger}${changed} — event ${n.event.id}${n.enriched ? '' : ' — from the WebHook only'}`);
  out(`  │ ${a.title ?? '(no title)'}  [${a.shortId ?? a.uuid}]`);
  out(
    `  │ urgency ${a.urgency ?? '?'} (${a.urgencyLevel ?? '?'}) · status ${a.status.name ?? '?'} · entity ${a.entity.name ?? '?'}`,
  );
  out(
    `  │ rule ${a.rule.name ?? '?'} · type ${a.alertType.category ?? '?'}/${a.alertType.value ?? '?'} · occurrences ${a.occurrences ?? '?'}`,
  );
  out(`  └ ${a.link}`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sekoia-chatops-demo-'));
  const sekoia = await startFakeSekoia({});
  const delivered: Notification[] = [];
  const delivery: DeliveryPort = {
    deliver: async (notification) => {
      delivered.push(notification);
      show(notification);
    },
  };
  const config = loadConfig({
    SEKOIA_WEBHOOK_SECRET: SECRET,
    STORE_URL: `sqlite://${join(dir, 'demo.sqlite')}`,
    SEKOIA_API_URL: sekoia.url,
    SEKOIA_API_KEY: sekoia.apiKey,
    SEKOIA_APP_URL: 'https://app.sekoia.io',
    LOG_LEVEL: 'silent',
  });
  const app = await createApp({
    config,
    log: createLogger({ level: 'silent' }),
    delivery,
    defaultMetrics: false,
  });
  const port = await app.listen(0, '127.0.0.1');
  sekoia.setWebhookUrl(`http://127.0.0.1:${port}/hooks/sekoia/${SECRET}`);
  out(`sekoia-chatops on http://127.0.0.1:${port}, fake Sekoia.io on ${sekoia.url}\n`);

  const waitFor = async (count: number) => {
    await sekoia.settleWebhooks();
    const deadline = Date.now() + 5_000;
    while (delivered.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    out();
  };

  out('▶ Sekoia.io raises an alert and sends its WebHook');
  const alert = sekoia.addAlert({ title: 'Suspicious PowerShell download cradle', statusName: 'Pending' });
  await waitFor(1);

  out('▶ Sekoia.io sends a notification twice (a retry): both are answered 202, the copy is dropped');
  const again = buildAlertWebhook({ alert, action: 'created', uuid: 'demo-notification-1' });
  for (let i = 0; i < 2; i += 1) {
    const response = await fetch(`http://127.0.0.1:${port}/hooks/sekoia/${SECRET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(again),
    });
    out(`  POST → ${response.status} ${await response.text()}`);
  }
  await waitFor(2);

  out('▶ An analyst acknowledges the alert in Sekoia.io (workflow PATCH through the API)');
  await app.sekoia.patchWorkflow(alert.uuid, {
    actionUuid: WORKFLOW_ACTIONS.acknowledge.id,
    comment: 'On it',
  });
  await waitFor(3);

  out('▶ Two more similar events arrive');
  sekoia.addOccurrence(alert.uuid, 2);
  await waitFor(4);

  out('▶ A WebHook with a bad body and one with a wrong secret');
  for (const [path, body] of [
    [`/hooks/sekoia/${SECRET}`, '{"type":"alert"}'],
    ['/hooks/sekoia/guess', '{}'],
  ] as const) {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    out(`  POST ${path.replace(SECRET, '<secret>')} → ${response.status} ${await response.text()}`);
  }
  out();

  const metrics = await app.metrics.registry.metrics();
  out('▶ /metrics');
  for (const line of metrics
    .split('\n')
    .filter((l) => /^sekoia_chatops_(events|deliveries)_\w+(\{| )/.test(l)))
    out(`  ${line}`);
  out(`\n${delivered.length} notifications delivered.`);
  await app.stop();
  await sekoia.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
