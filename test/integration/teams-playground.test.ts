import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_CHANNEL } from '../../scripts/agents-playground-config.ts';
import { freePort } from '../../scripts/free-port.ts';
import { runPromptCommand } from '../../scripts/playground-prompt-commands.ts';
import { agentsPlaygroundCli } from '../../scripts/start-agents-playground.ts';
import { type PlaygroundWorld, startPlaygroundWorld } from '../../scripts/start-playground-world.ts';
import {
  connectPlayground,
  type PlaygroundClient,
  type PlaygroundFrame,
} from './agents-playground-client.ts';

const cli = agentsPlaygroundCli();
if (cli === undefined) {
  console.warn(
    'teams:playground test skipped: @microsoft/m365agentsplayground is not installed (npm install)',
  );
}

/** The card's body and buttons as text, to find an alert's card and its buttons. */
const cardOf = (frame: PlaygroundFrame) => frame.message?.attachments?.[0]?.content;
const cardText = (frame: PlaygroundFrame) => JSON.stringify(cardOf(frame) ?? frame.message?.text ?? '');

function buttonOf(frame: PlaygroundFrame, title: string): Record<string, unknown> | undefined {
  const actions = (cardOf(frame)?.actions ?? []) as Record<string, unknown>[];
  return actions.find((action) => action.title === title);
}

/** `npm run teams:playground` without the browser: the Playground's UI API stands in for the person. */
describe.skipIf(cli === undefined)('npm run teams:playground', () => {
  let world: PlaygroundWorld;
  let person: PlaygroundClient;

  beforeAll(async () => {
    // Free ports: a developer's own Playground (56150) or bot (3978) may be running.
    world = await startPlaygroundWorld({ botPort: await freePort(), playgroundPort: 0 });
    person = await connectPlayground(world.playground.url);
  });
  afterAll(async () => {
    person?.close();
    await world?.stop();
  });

  it('serves the Playground web UI, pointed at the bot in local mode', async () => {
    const page = await fetch(world.playground.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Microsoft 365 Agents Playground</title>');
    // The Playground's mocked Bot Connector is on localhost: the unauthenticated bot accepts it.
    expect(world.playground.serviceUrl).toMatch(/^http:\/\/localhost:\d+\/_connector$/);
  });

  it('subscribes the channel, posts a sample alert as a card, and follows an Acknowledge click', async () => {
    expect((await person.mentionBot(PLAYGROUND_CHANNEL.id, 'subscribe alert-raised')).status).toBe(200);
    await expect.poll(() => person.frames.some((f) => /Rule \w+ created/.test(cardText(f)))).toBe(true);

    const [raised] = runPromptCommand(world.sekoia, 'alert high').lines;
    const shortId = world.sekoia.listAlerts()[0]?.short_id ?? '';
    expect(raised).toContain(shortId);
    await expect.poll(() => world.sekoia.webhooks.map((d) => d.status)).toEqual([202]);
    const cardFrame = () =>
      person.frames.find((f) => f.action === 'createMessage' && cardText(f).includes(shortId));
    await expect.poll(cardFrame).toBeDefined();

    const card = cardFrame() as PlaygroundFrame;
    // The sample alert's asset is named by the fake's asset API, as on a real card.
    expect(cardText(card)).toMatch(/WS-\d+/);
    const acknowledge = buttonOf(card, 'Acknowledge');
    expect(acknowledge?.type).toBe('Action.Execute');
    const click = await person.clickAction(card, acknowledge ?? {});
    expect(click.status).toBe(200);
    // The Playground hands the invoke's answer (the updated card) to the clicker's view.
    const answer = (await click.json()) as { type?: string; value?: unknown };
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(answer.value)).toContain('Acknowledged by Ana Analyst from Microsoft Teams');
    await expect.poll(() => world.sekoia.getAlert(shortId)?.status.name).toBe('Acknowledged');
    // Everyone else sees the card edited in place, and a line in its thread.
    const edited = (f: PlaygroundFrame) =>
      f.action === 'updateMessage' &&
      /Acknowledged by Ana Analyst/.test(cardText(f)) &&
      cardText(f).includes(shortId);
    await expect.poll(() => person.frames.some(edited)).toBe(true);
    const thread = card.message?.postConversationId;
    const inThread = (f: PlaygroundFrame) =>
      f.actionConversationId === thread &&
      cardText(f).includes(`Status of ${shortId}: Pending → Acknowledged`);
    await expect.poll(() => person.frames.some(inThread)).toBe(true);
  });

  it('stops the Playground child with the rest', async () => {
    const { child } = world.playground;
    await world.stop();
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
    await expect(fetch(world.playground.url)).rejects.toThrow();
  });
});
