/** Teams messages (Adaptive Cards and markdown text) made readable in a terminal, for `npm run demo`. */

import type { ContainerStyle } from '../src/platforms/teams/adaptive-card.ts';
import { ADAPTIVE_CARD } from '../src/platforms/teams/create-teams-card-sink.ts';
import type { FakeTeamsMessage } from '../test/fakes/fake-bot-connector/index.ts';
import { box, readable } from './render-card-for-terminal.ts';

/** How Teams' default theme paints a container style. */
const STYLE_COLOURS: Readonly<Record<ContainerStyle, string>> = {
  attention: 'red',
  warning: 'orange',
  accent: 'blue',
  good: 'green',
  emphasis: 'grey',
  default: 'none',
};

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
const isStyle = (style: unknown): style is ContainerStyle =>
  typeof style === 'string' && Object.hasOwn(STYLE_COLOURS, style);

/** The Adaptive Card of an activity (its first attachment), if it carries one. */
export function adaptiveCardOf(activity: unknown): Json | undefined {
  const [first] = listOf(isRecord(activity) ? activity.attachments : undefined);
  return isRecord(first) && first.contentType === ADAPTIVE_CARD && isRecord(first.content)
    ? first.content
    : undefined;
}

/** The card of an `adaptiveCard/action` invoke answer (`{ statusCode, type, value }`), if it is one. */
export function invokeAnswerCard(body: unknown): Json | undefined {
  return isRecord(body) && body.type === ADAPTIVE_CARD && isRecord(body.value) ? body.value : undefined;
}

/** The card's facts, every FactSet at any depth, readable. */
function factsOf(node: unknown): { title: string; value: string }[] {
  if (Array.isArray(node)) return node.flatMap(factsOf);
  if (!isRecord(node)) return [];
  if (node.type === 'FactSet') {
    return listOf(node.facts)
      .filter(isRecord)
      .map((fact) => ({ title: readable(textOf(fact.title)), value: readable(textOf(fact.value)) }));
  }
  return [...factsOf(node.items), ...factsOf(node.body)];
}

/** The value of one fact of a card (`Status`, `Occurrences`…), readable. */
export function cardFactOf(card: Json | undefined, title: string): string | undefined {
  return factsOf(card).find((fact) => fact.title === title)?.value;
}

/** The value of one fact of a message's card, readable. */
export function factOf(message: FakeTeamsMessage | undefined, title: string): string | undefined {
  return cardFactOf(adaptiveCardOf(message?.activity), title);
}

/** The titles of the card's top-level actions (the buttons under it). */
export function actionTitlesOf(message: FakeTeamsMessage | undefined): string[] {
  const card = adaptiveCardOf(message?.activity);
  return listOf(card?.actions)
    .filter(isRecord)
    .map((action) => readable(textOf(action.title)));
}

/** The URL of the card's first `Action.OpenUrl` ("Open in Sekoia.io" on an alert card). */
export function openUrlOf(card: Json | undefined): string | undefined {
  const open = listOf(card?.actions).find((action) => isRecord(action) && action.type === 'Action.OpenUrl');
  return isRecord(open) && typeof open.url === 'string' ? open.url : undefined;
}

/** A TextBlock's lines; a monospace one is indented, as code is in the Mattermost rendering. */
function textBlockLines(block: Json): string[] {
  const lines = readable(textOf(block.text))
    .split('\n')
    .filter((line) => line.trim() !== '');
  return block.fontType === 'Monospace' ? lines.map((line) => `    ${line}`) : lines;
}

function elementLines(element: unknown): string[] {
  if (!isRecord(element)) return [];
  switch (element.type) {
    case 'TextBlock':
      return textBlockLines(element);
    case 'FactSet':
      return factsOf(element).map((fact) => `${fact.title}: ${fact.value}`);
    case 'Container': {
      const style = isStyle(element.style) ? element.style : 'default';
      const [first, ...rest] = listOf(element.items);
      // A container opening with a bold line is a header: that line is the card's title.
      const head =
        isRecord(first) && first.type === 'TextBlock' && first.weight === 'Bolder'
          ? [`title: ${readable(textOf(first.text))}`]
          : elementLines(first);
      return [`colour: ${STYLE_COLOURS[style]} (style ${style})`, ...head, ...rest.flatMap(elementLines)];
    }
    case 'Input.Text':
      return [`[${readable(textOf(element.label))}: ______]`];
    default:
      return [`(${textOf(element.type) || 'element'})`];
  }
}

function actionLabel(action: Json): string {
  const title = readable(textOf(action.title));
  return action.type === 'Action.OpenUrl' ? `[${title} <${textOf(action.url)}>]` : `[${title}]`;
}

/**
 * What a person sees of an Adaptive Card: the header's colour and title, each text, each fact as
 * "Title: value", then the buttons by title (a link button with its URL).
 */
export function adaptiveCardLines(card: Json): string[] {
  const actions = listOf(card.actions).filter(isRecord);
  return [
    ...listOf(card.body).flatMap(elementLines),
    ...(actions.length === 0 ? [] : [`buttons: ${actions.map(actionLabel).join(' ')}`]),
  ];
}

/** A Teams message as read: its card, else its markdown text with Teams' escapes removed. */
export function teamsMessageLines(message: FakeTeamsMessage): string[] {
  const card = adaptiveCardOf(message.activity);
  if (card !== undefined) return adaptiveCardLines(card);
  return readable(textOf(message.activity.text))
    .split('\n')
    .filter((line) => line.trim() !== '');
}

export function renderTeamsMessage(message: FakeTeamsMessage, label: string): string[] {
  return box(`${label} · activity ${message.id}`, teamsMessageLines(message));
}
