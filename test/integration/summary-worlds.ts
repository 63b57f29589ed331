import { expect } from 'vitest';
import type { ManualClock } from '../../src/clock.ts';
import type { FakeAlert, FakeSekoia } from '../fakes/fake-sekoia/index.ts';
import type { TestBot } from './start-bot.ts';
import { startMattermostWorld } from './start-mattermost-world.ts';
import { cardContent, startTeamsWorld } from './start-teams-world.ts';

/** A card's JSON as read: without the word joiners and markdown escapes the renderers insert. */
export const shown = (json: string) => json.replaceAll('\u2060', '').replaceAll('\\\\', '');

/** A card or summary in the channel, as read. */
export interface Shown {
  id: string;
  /** Its JSON as read (see `shown`). */
  text: string;
  /** Edits after the post. */
  edits: number;
}

/**
 * One channel on either platform, seen through its summary cards (storm roll-ups, held-alert
 * summaries): how to type a command (its answer as read), the alert cards, and the summaries whose
 * text `isSummary` accepts.
 */
export interface SummaryWorld {
  sekoia: FakeSekoia;
  readonly bot: TestBot;
  command(text: string): Promise<string>;
  alertCards(): Shown[];
  summaries(): Shown[];
  /** Acknowledge clicked on the alert's card by a member of the channel. */
  acknowledge(alert: FakeAlert): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export type StartSummaryWorld = (clock: ManualClock, isSummary: RegExp) => Promise<SummaryWorld>;

export const startMattermostSummaryWorld: StartSummaryWorld = async (clock, isSummary) => {
  const world = await startMattermostWorld({ clock });
  const edits = (id: string) =>
    world.mattermost.requests.filter((r) => r.method === 'PUT' && r.path.startsWith(`/api/v4/posts/${id}`))
      .length;
  const view = (post: { id: string; props: unknown }) => ({
    id: post.id,
    text: shown(JSON.stringify(post.props)),
    edits: edits(post.id),
  });
  return {
    sekoia: world.sekoia,
    get bot() {
      return world.bot;
    },
    command: async (text) => shown(await world.command(text)),
    alertCards: () => world.cards().map(view),
    summaries: () =>
      world.mattermost
        .posts(world.channelId)
        .filter((post) => post.root_id === '' && post.props.sekoia_rollup !== undefined)
        .map(view)
        .filter((post) => isSummary.test(post.text)),
    async acknowledge(alert) {
      const clicked = await world.mattermost.clickButton({
        postId: world.cardOf(alert.uuid)?.id ?? '',
        actionId: 'acknowledge',
        userId: world.alice.id,
      });
      expect(clicked.status).toBe(200);
    },
    restart: () => world.restart(),
    close: () => world.close(),
  };
};

export const startTeamsSummaryWorld: StartSummaryWorld = async (clock, isSummary) => {
  const world = await startTeamsWorld({ clock });
  const view = (message: { id: string; versions: unknown[] }) => ({
    id: message.id,
    text: shown(JSON.stringify(cardContent(message as never) ?? {})),
    edits: message.versions.length - 1,
  });
  return {
    sekoia: world.sekoia,
    get bot() {
      return world.bot;
    },
    command: async (text) => shown(JSON.stringify((await world.command(text)).map((m) => m.activity))),
    alertCards: () => world.cards().map(view),
    summaries: () =>
      world.connector
        .messages(world.channelId)
        .filter((m) => m.replyToId === undefined)
        .map(view)
        .filter((m) => isSummary.test(m.text)),
    async acknowledge(alert) {
      const clicked = await world.connector.sendInvoke({
        botUrl: `${world.bot.url}/api/messages`,
        from: world.ana.id,
        activityId: world.cardOf(alert.short_id)?.id ?? '',
        verb: 'alert.acknowledge',
        data: {},
      });
      expect(clicked.body).toMatchObject({ statusCode: 200 });
    },
    restart: () => world.restart(),
    close: () => world.close(),
  };
};
