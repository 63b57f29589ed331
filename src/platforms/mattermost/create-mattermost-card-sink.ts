import { cardButtons } from '../../actions/card-buttons.ts';
import type { ActionSigner } from '../../actions/create-action-signer.ts';
import type { AlertCard } from '../../delivery/alert-card.ts';
import type { CardSink, CardTarget } from '../../delivery/card-sink.ts';
import type { MattermostClient } from './create-mattermost-client.ts';
import { renderAlertPost } from './render-alert-post.ts';
import { renderCompactPost } from './render-compact-post.ts';
import { renderRollupPost } from './render-rollup-post.ts';
import { renderReminder, renderStatusChange } from './render-thread-reply.ts';

export interface CreateMattermostCardSinkOptions {
  client: MattermostClient;
  signer: ActionSigner;
  /** `PUBLIC_URL/mattermost/actions` */
  actionUrl: string;
}

/**
 * Cards as bot posts. A new card is one request, buttons included: their signed payload names the
 * alert, channel and rule, not the post (a click's post id is checked against the stored card —
 * create-click-verifier.ts). Every update re-renders the whole post from our own state (the API
 * strips the buttons' integration data — reference §4.5).
 */
export function createMattermostCardSink(options: CreateMattermostCardSinkOptions): CardSink {
  const { client } = options;
  const render = createCardRenderer(options);

  const update = async (target: CardTarget, postId: string, card: AlertCard) => {
    const body = render(target, card);
    await client.patchPost({ id: postId, message: body.message, props: body.props });
  };

  return {
    async post(target, card) {
      const body = render(target, card);
      const post = await client.createPost({
        channel_id: target.channel.channel,
        message: body.message,
        props: body.props,
      });
      return post.id;
    },
    update,
    async replyInThread(target, postId, note) {
      await client.createPost({
        channel_id: target.channel.channel,
        root_id: postId,
        message: renderStatusChange(note),
      });
    },
    async remind(target, postId, note) {
      await client.createPost({
        channel_id: target.channel.channel,
        root_id: postId,
        message: renderReminder(note),
      });
    },
    findCard: (target, alertUuid, sinceMs) =>
      findBotPost(client, target, sinceMs, (props) => props?.sekoia_alert_uuid === alertUuid),
    findRollup: (target, stormId, sinceMs) =>
      findBotPost(client, target, sinceMs, (props) => props?.sekoia_rollup === stormId),
    async postCompact(target, card) {
      const body = renderCompactPost(card);
      const post = await client.createPost({
        channel_id: target.channel.channel,
        message: body.message,
        // Keyed like an alert card so that findCard recovers it after an interrupted post.
        props: { ...body.props, sekoia_alert_uuid: card.subject },
      });
      return post.id;
    },
    async updateCompact(_target, postId, card) {
      const body = renderCompactPost(card);
      await client.patchPost({
        id: postId,
        message: body.message,
        props: { ...body.props, sekoia_alert_uuid: card.subject },
      });
    },
    async postRollup(target, card) {
      const body = renderRollupPost(card);
      const post = await client.createPost({ channel_id: target.channel.channel, ...body });
      return post.id;
    },
    async updateRollup(_target, postId, card) {
      await client.patchPost({ id: postId, ...renderRollupPost(card) });
    },
  };
}

/** A root post of the bot in the channel since `sinceMs` whose props pass `match`. */
async function findBotPost(
  client: MattermostClient,
  target: CardTarget,
  sinceMs: number,
  match: (props: Record<string, unknown> | undefined) => boolean,
): Promise<string | undefined> {
  const list = await client.getPostsSince(target.channel.channel, sinceMs);
  const bot = await client.getMe();
  const post = Object.values(list.posts).find(
    (candidate) => candidate.user_id === bot.id && candidate.root_id === '' && match(candidate.props),
  );
  return post?.id;
}

/** The post body of a card, with buttons signed for its alert in its channel. */
export function createCardRenderer(options: { signer: ActionSigner; actionUrl: string }) {
  const { signer } = options;
  return (target: CardTarget, card: AlertCard) => {
    const actions = cardButtons(card).map(({ kind: key, exclusion }) => ({
      key,
      context: signer.sign({
        action: key,
        alertUuid: card.alertUuid,
        platform: 'mattermost',
        channel: target.channel.channel,
        ruleId: target.ruleId,
        ...(exclusion === undefined ? {} : { exclusion }),
      }),
    }));
    return renderAlertPost({ card, actionUrl: options.actionUrl, actions });
  };
}
