import {
  FAKE_MATTERMOST_COMMAND_TOKEN,
  type FakeMattermost,
  type FakePost,
  startFakeMattermost,
} from '../fakes/fake-mattermost/index.ts';
import { type FakeSekoia, startFakeSekoia } from '../fakes/fake-sekoia/index.ts';
import { type BotReplicas, replicaPorts, startBotReplicas } from './bot-replicas.ts';
import type { PrivateEngine } from './private-engine.ts';
import { type RoundRobinProxy, startRoundRobinProxy } from './round-robin-proxy.ts';
import { createWebhookSender, type WebhookSender } from './send-webhooks.ts';

const SECRET = 'fault-tests-webhook-secret-0123456789';

/** A replica's (or the balancer's) WebHook URL. */
export const webhookUrlOf = (base: string) => `${base}/hooks/sekoia/${SECRET}`;
export const REPLICAS = 3;
/** A dead replica's jobs go to another after at most this long (QUEUE_LEASE_SECONDS's minimum). */
export const LEASE_SECONDS = 5;

export interface FaultWorld {
  engine: PrivateEngine;
  sekoia: FakeSekoia;
  mattermost: FakeMattermost;
  proxy: RoundRobinProxy;
  replicas: BotReplicas;
  /** Notifications through the balancer, sent again until answered 202. */
  sender: WebhookSender;
  aliceId: string;
  /** `/sekoia <text>` typed by alice in the channel; sent through the balancer unless `via` says. */
  command(channelId: string, text: string, via?: string): Promise<string>;
  /** A channel alice is in (the bot too, as every fake channel). */
  addChannel(name: string): string;
  /** The bot's alert cards (root posts carrying an alert), by alert UUID. */
  cardsByAlert(): Map<string, FakePost[]>;
  close(): Promise<void>;
}

/** The Status fact of an alert card as Mattermost shows it. */
export function cardStatus(post: FakePost): string | undefined {
  const [attachment] = (post.props.attachments ?? []) as { fields?: { title: string; value: string }[] }[];
  return attachment?.fields?.find((field) => field.title === 'Status')?.value;
}

/**
 * Three bot processes on one Redis or PostgreSQL of the test's own, behind a round-robin balancer on
 * loopback; the fake Sekoia.io and the fake Mattermost in the test's process. Replicas are started
 * as `npm start` starts the bot, with nothing shared but the engine (each has its own working
 * directory), and no ACTION_SIGNING_KEY: the secrets generated at first start must agree.
 */
export async function startFaultWorld(engine: PrivateEngine): Promise<FaultWorld> {
  const sekoia = await startFakeSekoia({});
  const mattermost = await startFakeMattermost({});
  const alice = mattermost.addUser({ username: 'alice' });
  const ports = await replicaPorts(REPLICAS);
  const proxy = await startRoundRobinProxy(ports.map((port) => `http://127.0.0.1:${port}`));
  const replicas = await startBotReplicas(ports, {
    STORE_URL: engine.url,
    PUBLIC_URL: proxy.url,
    SEKOIA_WEBHOOK_SECRET: SECRET,
    SEKOIA_API_URL: sekoia.url,
    SEKOIA_API_KEY: sekoia.apiKey,
    SEKOIA_APP_URL: sekoia.appUrl,
    // The fake has no rate limit; the bot's own pacer at its highest allowed rate.
    SEKOIA_API_RATE: '100',
    MATTERMOST_URL: mattermost.url,
    MATTERMOST_BOT_TOKEN: mattermost.botToken,
    MATTERMOST_COMMAND_TOKENS: FAKE_MATTERMOST_COMMAND_TOKEN,
    MATTERMOST_RATE_LIMIT: '0',
    // Every alert gets its own card: the tests count cards, not roll-ups.
    STORM_BUDGET: '1000',
    QUEUE_LEASE_SECONDS: String(LEASE_SECONDS),
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
  });
  return {
    engine,
    sekoia,
    mattermost,
    proxy,
    replicas,
    sender: createWebhookSender(webhookUrlOf(proxy.url)),
    aliceId: alice.id,
    async command(channelId, text, via = proxy.url) {
      const result = await mattermost.sendSlashCommand({
        url: `${via}/mattermost/command`,
        channelId,
        userId: alice.id,
        text,
      });
      return String(result.response?.text ?? result.error ?? '');
    },
    addChannel: (name) => mattermost.addChannel({ name, teamId: 'team1', members: [alice.id] }).id,
    cardsByAlert() {
      const cards = new Map<string, FakePost[]>();
      for (const post of mattermost.posts()) {
        const uuid = post.props.sekoia_alert_uuid;
        if (post.root_id !== '' || post.user_id !== mattermost.botUserId || typeof uuid !== 'string')
          continue;
        cards.set(uuid, [...(cards.get(uuid) ?? []), post]);
      }
      return cards;
    },
    async close() {
      await replicas.close();
      await proxy.close();
      await mattermost.close();
      await sekoia.close();
    },
  };
}
