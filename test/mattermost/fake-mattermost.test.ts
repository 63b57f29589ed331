import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client4, ClientError } from '@mattermost/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import {
  FAKE_MATTERMOST_BOT_TOKEN,
  FAKE_MATTERMOST_COMMAND_TOKEN,
  type FakeChannel,
  type FakeMattermost,
  type FakePost,
  type FakeUser,
  startFakeMattermost,
} from '../fakes/fake-mattermost/index.ts';

interface StubRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface StubReply {
  status?: number;
  contentType?: string;
  body?: string;
  /** Answer this late. */
  delayMs?: number;
}

/** The bot's side: records what Mattermost sends and answers what the test scripted. */
async function startStubBot() {
  const received: StubRequest[] = [];
  let reply: StubReply = { status: 200, contentType: 'application/json', body: '{}' };
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(Buffer.from(chunk as Uint8Array));
    const body = Buffer.concat(chunks).toString('utf8');
    received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
    if (reply.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (response.destroyed) return;
    response.writeHead(reply.status ?? 200, reply.contentType ? { 'Content-Type': reply.contentType } : {});
    response.end(reply.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    respond: (next: StubReply) => {
      reply = next;
    },
    respondJson: (body: unknown) => {
      reply = { status: 200, contentType: 'application/json', body: JSON.stringify(body) };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type StubBot = Awaited<ReturnType<typeof startStubBot>>;

let clock: ManualClock;
let fake: FakeMattermost;
let bot: StubBot;
let alice: FakeUser;
let soc: FakeChannel;

beforeEach(async () => {
  clock = createManualClock();
  fake = await startFakeMattermost({ clock });
  bot = await startStubBot();
  alice = fake.addUser({ username: 'alice' });
  soc = fake.addChannel({ name: 'soc-alerts', members: [alice.id] });
});

afterEach(async () => {
  await fake.close();
  await bot.close();
});

function client(token = FAKE_MATTERMOST_BOT_TOKEN): Client4 {
  const mm = new Client4();
  mm.setUrl(fake.url);
  mm.setToken(token);
  return mm;
}

function api(path: string, init: { method?: string; body?: unknown; auth?: string | null } = {}) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (init.auth !== null) headers.Authorization = init.auth ?? `Bearer ${FAKE_MATTERMOST_BOT_TOKEN}`;
  const body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  return fetch(`${fake.url}/api/v4${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body === undefined ? {} : { body }),
  });
}

function card(actions: Record<string, unknown>[]) {
  return { sekoia_alert: 'ALT-1', attachments: [{ fallback: 'ALT-1', title: 'Alert', actions }] };
}

const ackAction = () => ({
  id: 'ack',
  type: 'button',
  name: 'Acknowledge',
  integration: { url: `${bot.url}/actions`, context: { a: 'ack', sig: 'secret-sig' } },
});

/** A post by a user: an `in_channel` slash command reply. */
async function postAsAlice(text: string, rootId?: string, attachments?: unknown[]): Promise<FakePost> {
  bot.respondJson({ response_type: 'in_channel', text, ...(attachments ? { attachments } : {}) });
  const command = { url: `${bot.url}/command`, channelId: soc.id, userId: alice.id, text: 'say' };
  const result = await fake.sendSlashCommand(rootId === undefined ? command : { ...command, rootId });
  if (result.post === undefined) throw new Error(result.error ?? 'no post');
  return result.post;
}

async function expectClientError(promise: Promise<unknown>): Promise<ClientError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ClientError);
  return error as ClientError;
}

describe('REST authentication and envelope', () => {
  it('refuses a missing or wrong token with the session_expired JSON error', async () => {
    const response = await api('/users/me', { auth: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[a-z0-9]{26}$/);
    expect(response.headers.get('x-version-id')).toBeTruthy();
    expect(await response.json()).toEqual({
      id: 'api.context.session_expired.app_error',
      message: expect.any(String),
      detailed_error: '',
      request_id: requestId,
      status_code: 401,
    });
    const error = await expectClientError(client('wrong-token').getMe());
    expect(error.status_code).toBe(401);
    expect(error.server_error_id).toBe('api.context.session_expired.app_error');
  });

  it('accepts the Bearer scheme in any case, as Client4 sends BEARER', async () => {
    expect((await api('/users/me', { auth: `bearer ${FAKE_MATTERMOST_BOT_TOKEN}` })).status).toBe(200);
    const me = await client().getMe();
    expect(me).toMatchObject({ id: fake.botUserId, is_bot: true, roles: 'system_user' });
    const user = await client().getUser(alice.id);
    expect(user.username).toBe('alice');
  });

  it('answers unknown routes with a 404 JSON error', async () => {
    const response = await api('/no/such/route');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ id: 'api.context.404.app_error', status_code: 404 });
  });
});

describe('posts', () => {
  it('creates a card: 201, server fields added, integration stripped from what the API returns', async () => {
    const props = card([
      ackAction(),
      { type: 'button', name: 'No id', integration: { url: `${bot.url}/x` } },
    ]);
    const response = await api('/posts', {
      method: 'POST',
      body: { channel_id: soc.id, message: '', props },
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as FakePost;
    expect(created).toMatchObject({ channel_id: soc.id, user_id: fake.botUserId, edit_at: 0, delete_at: 0 });
    expect(created.create_at).toBe(clock.now());
    expect(created.props).toMatchObject({
      from_bot: 'true',
      attachments: [
        { actions: [{ id: 'ack', type: 'button', name: 'Acknowledge' }, { id: expect.any(String) }] },
      ],
    });
    const actions = (created.props.attachments as { actions: Record<string, unknown>[] }[])[0]?.actions;
    expect(actions?.[0]).toEqual({ id: 'ack', type: 'button', name: 'Acknowledge' });
    expect(actions?.[1]?.id).toMatch(/^[a-z0-9]{26}$/);
    expect(JSON.stringify(created)).not.toContain('secret-sig');
    expect(fake.getPost(created.id)?.props).toMatchObject({
      attachments: [{ actions: [{ integration: { context: { sig: 'secret-sig' } } }, {}] }],
    });
    const fetched = await client().getPost(created.id);
    expect(JSON.stringify(fetched)).not.toContain('integration');
  });

  it('patch replaces props wholesale and marks the post edited only when the message changes', async () => {
    const mm = client();
    const created = await mm.createPost({ channel_id: soc.id, message: 'first', props: card([ackAction()]) });
    clock.advance(1_000);
    const propsOnly = await mm.patchPost({ id: created.id, props: { status: 'acked' } });
    expect(propsOnly.props).toEqual({ status: 'acked' });
    expect(propsOnly.edit_at).toBe(0);
    expect(propsOnly.update_at).toBeGreaterThan(created.update_at);
    clock.advance(1_000);
    const edited = await mm.patchPost({ id: created.id, message: 'second' });
    expect(edited).toMatchObject({ message: 'second', edit_at: clock.now(), props: { status: 'acked' } });
  });

  it('a full update blanks what it omits; only the bot own posts can be edited', async () => {
    const created = await client().createPost({ channel_id: soc.id, message: 'keep?', props: { a: 1 } });
    const response = await api(`/posts/${created.id}`, { method: 'PUT', body: { id: created.id } });
    expect(response.status).toBe(200);
    const updated = (await response.json()) as FakePost;
    expect([updated.message, updated.props]).toEqual(['', {}]);
    const alicePost = await postAsAlice('hello');
    expect(
      (await api(`/posts/${alicePost.id}/patch`, { method: 'PUT', body: { message: 'x' } })).status,
    ).toBe(403);
    expect((await api(`/posts/${alicePost.id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await api(`/posts/${created.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await api(`/posts/${created.id}`)).status).toBe(404);
  });
});

describe('threads, channels and membership', () => {
  it('accepts replies to a root post and refuses replies to replies and cross-channel roots', async () => {
    const mm = client();
    const root = await mm.createPost({ channel_id: soc.id, message: 'root', props: card([ackAction()]) });
    const reply = await mm.createPost({ channel_id: soc.id, message: 'reply', root_id: root.id });
    const nested = await expectClientError(
      mm.createPost({ channel_id: soc.id, message: 'x', root_id: reply.id }),
    );
    expect(nested).toMatchObject({
      status_code: 400,
      server_error_id: 'api.post.create_post.root_id.app_error',
    });
    const other = fake.addChannel({ name: 'other' });
    const crossed = await expectClientError(
      mm.createPost({ channel_id: other.id, message: 'x', root_id: root.id }),
    );
    expect(crossed.server_error_id).toBe('api.post.create_post.channel_root_id.app_error');
    expect(fake.thread(root.id).map((post) => post.message)).toEqual(['reply']);
    const thread = await mm.getPostThread(reply.id);
    expect(thread.order).toEqual([reply.id, root.id]);
    expect(JSON.stringify(thread)).not.toContain('secret-sig');
  });

  it('finds posts made since a time, integration stripped', async () => {
    const mm = client();
    const before = clock.now();
    clock.advance(10);
    const created = await mm.createPost({ channel_id: soc.id, message: 'card', props: card([ackAction()]) });
    const since = await mm.getPostsSince(soc.id, before);
    expect(since.order).toEqual([created.id]);
    expect(JSON.stringify(since)).not.toContain('integration');
    expect((await mm.getPostsSince(soc.id, clock.now())).order).toEqual([]);
  });

  it('enforces channel membership for posting and reading', async () => {
    const mm = client();
    const secret = fake.addChannel({ name: 'secret', type: 'P', members: [alice.id], botMember: false });
    const refused = await expectClientError(mm.createPost({ channel_id: secret.id, message: 'x' }));
    expect(refused).toMatchObject({ status_code: 403, server_error_id: 'api.context.permissions.app_error' });
    expect((await api(`/channels/${secret.id}`)).status).toBe(403);
    expect((await api(`/channels/${secret.id}/members/${alice.id}`)).status).toBe(403);
    expect((await mm.getChannel(soc.id)).name).toBe('soc-alerts');
  });

  it('returns channel members with scheme_admin for channel admins', async () => {
    const bob = fake.addUser({ username: 'bob' });
    const channel = fake.addChannel({ name: 'ops', members: [alice.id], admins: [bob.id] });
    const admin = await client().getChannelMember(channel.id, bob.id);
    expect(admin).toMatchObject({
      roles: 'channel_user channel_admin',
      scheme_admin: true,
      scheme_user: true,
    });
    expect(await client().getChannelMember(channel.id, alice.id)).toMatchObject({ scheme_admin: false });
    const missing = await expectClientError(client().getChannelMember(soc.id, bob.id));
    expect(missing.status_code).toBe(404);
  });

  it('refuses REST ephemeral posts unless the bot is a system admin', async () => {
    const body = { user_id: alice.id, post: { channel_id: soc.id, message: 'psst' } };
    expect((await api('/posts/ephemeral', { method: 'POST', body })).status).toBe(403);
    await fake.close();
    fake = await startFakeMattermost({ clock, botRoles: 'system_user system_admin' });
    alice = fake.addUser({ username: 'alice' });
    soc = fake.addChannel({ name: 'soc-alerts', members: [alice.id] });
    const allowed = { user_id: alice.id, post: { channel_id: soc.id, message: 'psst' } };
    expect((await api('/posts/ephemeral', { method: 'POST', body: allowed })).status).toBe(201);
    expect(fake.ephemerals(alice.id)).toEqual([
      { userId: alice.id, channelId: soc.id, rootId: '', text: 'psst', source: 'rest' },
    ]);
  });
});

describe('limits and faults', () => {
  it('counts the message limit in runes and the body limit in bytes', async () => {
    const mm = client();
    await mm.createPost({ channel_id: soc.id, message: '😀'.repeat(16_383) });
    const long = await expectClientError(mm.createPost({ channel_id: soc.id, message: 'x'.repeat(16_384) }));
    expect(long).toMatchObject({
      status_code: 400,
      server_error_id: 'model.post.is_valid.message_length.app_error',
    });
    const big = { channel_id: soc.id, message: '', props: { blob: 'x'.repeat(300_000) } };
    const response = await api('/posts', { method: 'POST', body: big });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ id: 'api.context.request_body_too_large.app_error' });
  });

  it('rate limits with a plain-text 429 that Client4 cannot read a status from', async () => {
    fake.rateLimitNext(2, 7);
    const response = await api('/users/me');
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('x-ratelimit-limit')).toBe('101');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(response.headers.get('x-ratelimit-reset')).toBe('7');
    expect(await response.text()).toBe('limit exceeded\n');
    const error = await expectClientError(client().getMe());
    expect(error.status_code).toBeUndefined();
    expect((await api('/users/me')).status).toBe(200);
  });

  it('fails the next calls as a server or a proxy would, and can reset connections', async () => {
    fake.failNext(1);
    const busy = await api('/users/me');
    expect(busy.status).toBe(503);
    expect(await busy.json()).toMatchObject({ status_code: 503 });
    fake.failNext(1, 502);
    const proxy = await api('/users/me');
    expect(proxy.headers.get('content-type')).toBe('text/html');
    expect(await proxy.text()).toContain('502 Bad Gateway');
    fake.setDown(true);
    await expect(client().getMe()).rejects.toThrow(TypeError);
    fake.setDown(false);
    expect((await client().getMe()).id).toBe(fake.botUserId);
  });
});

describe('slash commands', () => {
  const run = (text: string, extra: { method?: 'GET' | 'POST'; rootId?: string } = {}) =>
    fake.sendSlashCommand({
      url: `${bot.url}/mattermost/command`,
      channelId: soc.id,
      userId: alice.id,
      text,
      ...extra,
    });

  it('sends the form fields and headers of a custom command', async () => {
    const bob = fake.addUser({ username: 'bob' });
    bot.respondJson({ response_type: 'ephemeral', text: 'Done' });
    const result = await run('subscribe @bob. --severity high ~soc-alerts');
    const [request] = bot.received;
    expect(request?.method).toBe('POST');
    expect(request?.headers).toMatchObject({
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      authorization: `Token ${FAKE_MATTERMOST_COMMAND_TOKEN}`,
      'user-agent': 'Mattermost-Bot/1.1',
    });
    const form = new URLSearchParams(request?.body);
    expect(Object.fromEntries(form)).toMatchObject({
      token: FAKE_MATTERMOST_COMMAND_TOKEN,
      team_id: 'team1',
      team_domain: 'team1',
      channel_id: soc.id,
      channel_name: 'soc-alerts',
      user_id: alice.id,
      user_name: 'alice',
      command: '/sekoia',
      text: 'subscribe @bob. --severity high ~soc-alerts',
      root_id: '',
      response_url: result.responseUrl,
      trigger_id: result.triggerId,
    });
    expect(form.getAll('user_mentions')).toEqual(['bob']);
    expect(form.getAll('user_mentions_ids')).toEqual([bob.id]);
    expect(form.getAll('channel_mentions_ids')).toEqual([soc.id]);
    expect(Buffer.from(result.triggerId, 'base64').toString()).toContain(`:${alice.id}:`);
    expect(result.response).toEqual({ response_type: 'ephemeral', text: 'Done' });
    expect(fake.ephemerals(alice.id)).toEqual([
      { userId: alice.id, channelId: soc.id, rootId: '', text: 'Done', source: 'command' },
    ]);
  });

  it('puts the fields in the query string for GET commands', async () => {
    const result = await run('help', { method: 'GET' });
    const [request] = bot.received;
    expect(request?.method).toBe('GET');
    expect(request?.body).toBe('');
    expect(request?.headers['content-type']).toBeUndefined();
    const query = new URLSearchParams(request?.url.split('?')[1]);
    expect(query.get('text')).toBe('help');
    expect(query.get('trigger_id')).toBe(result.triggerId);
  });

  it('parses JSON only for application/json and shows any other body as text', async () => {
    bot.respond({ contentType: 'application/json; charset=utf-8', body: '{"text":"parsed"}' });
    expect((await run('a')).response).toEqual({ text: 'parsed' });
    bot.respond({ contentType: 'text/plain', body: '{"text":"raw"}' });
    await run('b');
    expect(fake.ephemerals().map((message) => message.text)).toEqual(['parsed', '{"text":"raw"}']);
  });

  it('reports an empty JSON body and a non-200 status as failed commands', async () => {
    bot.respond({ contentType: 'application/json', body: '' });
    expect((await run('a')).error).toContain('returned an empty response');
    bot.respond({ status: 500, contentType: 'application/json', body: '{"text":"oops"}' });
    const failed = await run('b');
    expect(failed).toMatchObject({ status: 500, error: expect.stringContaining('500') });
    expect(fake.ephemerals()).toEqual([]);
  });

  it('reports a bot that cannot be reached or is on a forbidden address', async () => {
    fake.setBlockInternalTargets(true);
    expect((await run('a')).error).toContain('address forbidden');
    fake.setBlockInternalTargets(false);
    await bot.close();
    const unreachable = await run('b');
    expect(unreachable).toMatchObject({ status: 0, error: expect.stringContaining('failed') });
    bot = await startStubBot();
  });

  it('posts in_channel replies as the invoking user, flagged from_webhook', async () => {
    const root = await client().createPost({ channel_id: soc.id, message: 'root' });
    const post = await postAsAlice('@alice subscribed', root.id);
    expect(post).toMatchObject({ user_id: alice.id, root_id: root.id, message: '@alice subscribed' });
    expect(post.props).toEqual({ from_webhook: 'true' });
  });
});

describe('response_url', () => {
  async function responseUrl(): Promise<string> {
    return (
      await fake.sendSlashCommand({ url: `${bot.url}/c`, channelId: soc.id, userId: alice.id, text: '' })
    ).responseUrl;
  }
  const postTo = (url: string, body: string, contentType = 'application/json') =>
    fetch(url, { method: 'POST', headers: { 'Content-Type': contentType }, body });

  it('takes JSON or text, answers ok in plain text, and allows five uses', async () => {
    const url = await responseUrl();
    const inChannel = await postTo(
      url,
      JSON.stringify({ response_type: 'in_channel', text: 'Rule r-1 created' }),
    );
    expect(inChannel.status).toBe(200);
    expect(inChannel.headers.get('content-type')).toBe('text/plain');
    expect(await inChannel.text()).toBe('ok');
    expect(fake.posts(soc.id)).toMatchObject([{ user_id: alice.id, message: 'Rule r-1 created' }]);
    expect((await postTo(url, 'later, privately', 'text/plain')).status).toBe(200);
    expect(fake.ephemerals(alice.id)).toMatchObject([{ text: 'later, privately', source: 'response_url' }]);
    for (let use = 3; use <= 5; use += 1) expect((await postTo(url, 'again', 'text/plain')).status).toBe(200);
    const sixth = await postTo(url, 'too many', 'text/plain');
    expect(sixth.status).toBe(400);
    expect(await sixth.json()).toMatchObject({ id: 'app.command_webhook.try_use.invalid' });
  });

  it('expires thirty minutes after the invocation', async () => {
    const url = await responseUrl();
    clock.advance(30 * 60 * 1000 + 1);
    const response = await postTo(url, 'too late', 'text/plain');
    expect(response.status).toBe(404);
    expect(fake.ephemerals()).toEqual([]);
  });
});

describe('button clicks', () => {
  async function postCard(actions = [ackAction()], extraProps: Record<string, unknown> = {}) {
    return client().createPost({
      channel_id: soc.id,
      message: 'New alert',
      props: { ...card(actions), ...extraProps },
    });
  }

  it('POSTs the §4.3 payload without auth and applies the update and ephemeral text', async () => {
    const created = await postCard();
    const newCard = card([ackAction()]);
    bot.respondJson({ update: { message: 'Acknowledged', props: newCard }, ephemeral_text: 'Done.' });
    clock.advance(500);
    const result = await fake.clickButton({ postId: created.id, actionId: 'ack', userId: alice.id });
    expect(result).toMatchObject({ status: 200, ephemeralText: 'Done.' });
    const [request] = bot.received;
    expect(request?.url).toBe('/actions');
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json',
    });
    expect(request?.headers.authorization).toBeUndefined();
    const payload = JSON.parse(request?.body ?? '{}');
    expect(payload).toEqual({
      user_id: alice.id,
      user_name: 'alice',
      channel_id: soc.id,
      channel_name: 'soc-alerts',
      team_id: 'team1',
      team_domain: 'team1',
      post_id: created.id,
      trigger_id: expect.any(String),
      type: 'button',
      data_source: '',
      context: { a: 'ack', sig: 'secret-sig' },
    });
    const stored = fake.getPost(created.id);
    expect(stored).toMatchObject({ message: 'Acknowledged', edit_at: clock.now(), update_at: clock.now() });
    expect(stored?.props).toEqual(newCard);
    expect(fake.ephemerals(alice.id)).toEqual([
      { userId: alice.id, channelId: soc.id, rootId: created.id, text: 'Done.', source: 'action' },
    ]);
  });

  it('keeps props when the update has none, blanks an omitted message, keeps from_webhook', async () => {
    const created = await postCard();
    bot.respondJson({ update: { message: 'New alert' } });
    await fake.clickButton({ postId: created.id, actionId: 'ack', userId: alice.id });
    expect(fake.getPost(created.id)).toMatchObject({ edit_at: 0, props: { from_bot: 'true' } });
    bot.respondJson({ update: {} });
    await fake.clickButton({ postId: created.id, actionId: 'ack', userId: alice.id });
    expect(fake.getPost(created.id)?.message).toBe('');
    const byAlice = await postAsAlice('card by command', undefined, card([ackAction()]).attachments);
    expect(byAlice.type).toBe('slack_attachment');
    bot.respondJson({ update: { message: 'x', props: {} } });
    await fake.clickButton({ postId: byAlice.id, actionId: 'ack', userId: alice.id });
    expect(fake.getPost(byAlice.id)?.props).toEqual({ from_webhook: 'true' });
  });

  it('sends the selected option of a menu in the context', async () => {
    const menu = { ...ackAction(), id: 'mute', type: 'select', options: [{ text: '1 hour', value: '1h' }] };
    const created = await postCard([menu]);
    await fake.clickButton({ postId: created.id, actionId: 'mute', userId: alice.id, selectedOption: '1h' });
    const payload = JSON.parse(bot.received[0]?.body ?? '{}');
    expect(payload).toMatchObject({ type: 'select', context: { a: 'ack', selected_option: '1h' } });
  });

  it('refuses ids that are not letters and digits, and users outside the channel', async () => {
    const created = await postCard([{ ...ackAction(), id: 'ack_1' }]);
    expect(await fake.clickButton({ postId: created.id, actionId: 'ack_1', userId: alice.id })).toMatchObject(
      {
        status: 404,
      },
    );
    const outsider = fake.addUser({ username: 'eve' });
    const other = await postCard();
    expect((await fake.clickButton({ postId: other.id, actionId: 'ack', userId: outsider.id })).status).toBe(
      403,
    );
    expect(bot.received).toEqual([]);
  });

  it('fails the click when the bot does not answer 200 with JSON', async () => {
    const created = await postCard();
    bot.respond({ status: 500, body: 'boom' });
    expect(await fake.clickButton({ postId: created.id, actionId: 'ack', userId: alice.id })).toMatchObject({
      status: 400,
      botStatus: 500,
    });
    bot.respond({ status: 200, contentType: 'text/plain', body: 'not json' });
    const invalid = await fake.clickButton({ postId: created.id, actionId: 'ack', userId: alice.id });
    expect(invalid.error).toBeDefined();
    bot.respond({ status: 200, body: '' });
    expect((await fake.clickButton({ postId: created.id, actionId: 'ack', userId: alice.id })).status).toBe(
      200,
    );
    expect(fake.getPost(created.id)?.message).toBe('New alert');
  });

  it('shows nothing the bot sent with a status other than 200', async () => {
    const created = await postCard();
    const explained = JSON.stringify({ ephemeral_text: 'This button is not valid here.' });
    bot.respond({ status: 403, contentType: 'application/json', body: explained });
    const result = await fake.clickButton({ postId: created.id, actionId: 'ack', userId: alice.id });
    expect(result).toEqual({ status: 400, botStatus: 403, error: 'status=403' });
    expect(fake.ephemerals()).toEqual([]);
  });

  it('fails the click, showing nothing, when the bot answers after the integration timeout', async () => {
    await fake.close();
    fake = await startFakeMattermost({ clock, outgoingTimeoutMs: 100 });
    alice = fake.addUser({ username: 'alice' });
    soc = fake.addChannel({ name: 'soc-alerts', members: [alice.id] });
    const created = await postCard();
    bot.respond({
      status: 200,
      contentType: 'application/json',
      body: '{"ephemeral_text":"late"}',
      delayMs: 300,
    });
    const result = await fake.clickButton({ postId: created.id, actionId: 'ack', userId: alice.id });
    expect(result).toMatchObject({ status: 400, timedOut: true });
    expect(result.ephemeralText).toBeUndefined();
    expect(fake.ephemerals()).toEqual([]);
  });
});

describe('dialogs', () => {
  const dialog = { callback_id: 'create_rule', title: 'New rule', state: 'signed-state', elements: [] };

  async function issueTrigger(): Promise<string> {
    const result = await fake.sendSlashCommand({
      url: `${bot.url}/c`,
      channelId: soc.id,
      userId: alice.id,
      text: '',
    });
    return result.triggerId;
  }
  const openDialog = (triggerId: string, extra: Record<string, unknown> = {}) =>
    api('/actions/dialogs/open', {
      method: 'POST',
      auth: null,
      body: { trigger_id: triggerId, url: `${bot.url}/dialogs`, dialog: { ...dialog, ...extra } },
    });

  it('opens a dialog for the trigger user without login, and refuses expired or forged triggers', async () => {
    const triggerId = await issueTrigger();
    clock.advance(30_000);
    const opened = await openDialog(triggerId);
    expect(opened.status).toBe(200);
    expect(await opened.json()).toEqual({ status: 'OK' });
    expect(fake.dialogs()).toMatchObject([{ userId: alice.id, channelId: soc.id, teamId: 'team1', dialog }]);
    clock.advance(1);
    const expired = await openDialog(triggerId);
    expect(expired.status).toBe(400);
    expect(((await expired.json()) as { message: string }).message).toContain(
      'Trigger ID for interactive dialog is expired.',
    );
    const forged = Buffer.from(`abc:${alice.id}:${clock.now()}:c2ln`).toString('base64');
    expect((await openDialog(forged)).status).toBe(400);
    expect(fake.dialogs()).toHaveLength(1);
  });

  it('submits the §5.3 payload and surfaces field errors or closes', async () => {
    await openDialog(await issueTrigger());
    bot.respondJson({ errors: { entity: 'Unknown entity' } });
    const refused = await fake.submitDialog({
      dialogIndexOrId: 0,
      userId: alice.id,
      submission: { entity: 'e-9' },
    });
    expect(refused).toMatchObject({ status: 200, closed: false, errors: { entity: 'Unknown entity' } });
    expect(JSON.parse(bot.received.at(-1)?.body ?? '{}')).toEqual({
      type: 'dialog_submission',
      callback_id: 'create_rule',
      state: 'signed-state',
      user_id: alice.id,
      channel_id: soc.id,
      team_id: 'team1',
      submission: { entity: 'e-9' },
      cancelled: false,
    });
    bot.respond({ status: 200, body: '' });
    expect(await fake.submitDialog({ dialogIndexOrId: 0, userId: alice.id, submission: {} })).toMatchObject({
      closed: true,
    });
  });

  it('shows nothing of an answer other than 200 and keeps the dialog open', async () => {
    await openDialog(await issueTrigger());
    bot.respond({ status: 403, contentType: 'application/json', body: '{"error":"not valid here"}' });
    const result = await fake.submitDialog({ dialogIndexOrId: 0, userId: alice.id, submission: {} });
    expect(result).toEqual({ status: 400, botStatus: 403, failure: 'status=403', closed: false });
  });

  it('tells the bot about a cancel only when notify_on_cancel is set', async () => {
    await openDialog(await issueTrigger());
    const before = bot.received.length;
    const quiet = await fake.submitDialog({
      dialogIndexOrId: 0,
      userId: alice.id,
      submission: {},
      cancelled: true,
    });
    expect(quiet).toEqual({ status: 0, closed: true });
    expect(bot.received).toHaveLength(before);
    await openDialog(await issueTrigger(), { notify_on_cancel: true });
    await fake.submitDialog({ dialogIndexOrId: -1, userId: alice.id, submission: { a: 1 }, cancelled: true });
    expect(JSON.parse(bot.received.at(-1)?.body ?? '{}')).toMatchObject({ cancelled: true, submission: {} });
  });
});
