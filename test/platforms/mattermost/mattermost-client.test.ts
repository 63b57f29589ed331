import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotError, isBotError } from '../../../src/errors.ts';
import {
  createMattermostClient,
  type MattermostClient,
} from '../../../src/platforms/mattermost/create-mattermost-client.ts';
import { type FakeMattermost, startFakeMattermost } from '../../fakes/fake-mattermost/index.ts';
import { freePort } from '../../integration/start-bot.ts';

async function failure(promise: Promise<unknown>): Promise<BotError> {
  try {
    await promise;
  } catch (error) {
    if (isBotError(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('createMattermostClient against the fake Mattermost (Client4 quirks handled)', () => {
  let mattermost: FakeMattermost;
  let client: MattermostClient;
  let channelId: string;

  beforeAll(async () => {
    mattermost = await startFakeMattermost({});
    channelId = mattermost.addChannel({ name: 'soc' }).id;
    client = createMattermostClient({ url: `${mattermost.url}/`, token: mattermost.botToken });
  });
  afterAll(async () => {
    await mattermost.close();
  });

  it('posts and patches as the bot', async () => {
    const post = await client.createPost({ channel_id: channelId, message: 'hello' });
    await client.patchPost({ id: post.id, message: 'edited' });
    expect(mattermost.getPost(post.id)).toMatchObject({ message: 'edited', user_id: mattermost.botUserId });
  });

  it('turns the plain-text 429 into a retryable error carrying Retry-After', async () => {
    mattermost.rateLimitNext(1, 7);
    const error = await failure(client.createPost({ channel_id: channelId, message: 'x' }));
    expect(error).toMatchObject({
      code: 'delivery_failed',
      retryable: true,
      retryAfterMs: 7_000,
      details: { status: 429 },
      nothingDone: true,
    });
  });

  it('retries a proxy HTML 502 and a 503, not a 403', async () => {
    mattermost.failNext(1, 502);
    expect(await failure(client.createPost({ channel_id: channelId, message: 'x' }))).toMatchObject({
      code: 'delivery_failed',
      retryable: true,
      details: { status: 502 },
      nothingDone: false,
    });
    mattermost.failNext(1, 503);
    expect((await failure(client.getMe())).retryable).toBe(true);
    const outside = mattermost.addChannel({ name: 'private', type: 'P', botMember: false }).id;
    expect(await failure(client.createPost({ channel_id: outside, message: 'x' }))).toMatchObject({
      code: 'platform_rejected',
      retryable: false,
      details: { status: 403, mattermostErrorId: 'api.context.permissions.app_error' },
      nothingDone: true,
    });
  });

  it('reports an unreachable server as retryable; a reset after sending proves nothing, a refused connection does', async () => {
    mattermost.setDown(true);
    const error = await failure(client.getMe());
    mattermost.setDown(false);
    expect(error).toMatchObject({ code: 'delivery_failed', retryable: true, nothingDone: false });
    mattermost.loseAnswerNext(1);
    const lost = await failure(client.createPost({ channel_id: channelId, message: 'answer lost' }));
    expect(lost).toMatchObject({ code: 'delivery_failed', retryable: true, nothingDone: false });
    expect(mattermost.posts(channelId).some((post) => post.message === 'answer lost')).toBe(true);
    const closed = await freePort();
    const nowhere = createMattermostClient({ url: `http://127.0.0.1:${closed}`, token: 'x' });
    expect(await failure(nowhere.getMe())).toMatchObject({ code: 'delivery_failed', nothingDone: true });
  });

  it('refuses a wrong token as a failure that will not heal', async () => {
    const wrong = createMattermostClient({ url: mattermost.url, token: 'nope' });
    expect(await failure(wrong.getMe())).toMatchObject({
      code: 'platform_rejected',
      details: { status: 401 },
    });
  });
});
