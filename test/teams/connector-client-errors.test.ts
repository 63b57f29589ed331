import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBotError } from '../../src/errors.ts';
import {
  type ConnectorClient,
  createConnectorClient,
} from '../../src/platforms/teams/create-connector-client.ts';
import { type FakeBotConnector, startFakeBotConnector } from '../fakes/fake-bot-connector/index.ts';
import { freePort } from '../integration/start-bot.ts';

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isBotError(error)) throw new Error('expected a BotError');
  return error;
}

/** Whether a failed post may have been made: what the card job needs to skip its look-up (issue 12). */
describe('Bot Connector failures say whether the post may have been made', () => {
  let connector: FakeBotConnector;
  let client: ConnectorClient;
  let channelId: string;
  let tenantId: string;
  const post = () =>
    client.createChannelPost(connector.serviceUrl, {
      channelId,
      tenantId,
      activity: { type: 'message', text: 'card' },
    });

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    const team = connector.addTeam({ name: 'Security', channels: [{ name: 'soc' }] });
    channelId = team.channels[1]?.id ?? '';
    tenantId = connector.tenantId;
    client = createConnectorClient({ credentials: {} });
  });
  afterAll(async () => {
    await connector.close();
  });

  it('a 429 did nothing (the throttle answers before the service, reference teams.md §6.1)', async () => {
    connector.rateLimitNext(1, 1);
    expect(await failure(post())).toMatchObject({ code: 'delivery_failed', nothingDone: true });
  });

  it('a 502 after the work proves nothing (reference teams.md §6.2)', async () => {
    connector.acceptButFailNext(1, 502);
    expect(await failure(post())).toMatchObject({ code: 'delivery_failed', nothingDone: false });
  });

  it('a refused connection did nothing', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/`;
    const error = await failure(
      client.createChannelPost(closed, { channelId, tenantId, activity: { type: 'message' } }),
    );
    expect(error).toMatchObject({ code: 'delivery_failed', nothingDone: true });
  });
});
