import type { AdaptiveCard, CardElement } from './adaptive-card.ts';
import { escapeInline, plainText } from './escape-teams-markdown.ts';
import { composeCard } from './render-alert-card.ts';

/** The Link button's verb; its invoke is the link form's, never a card action's (`alert.*`). */
export const LINK_VERB = 'identity.link';
export const API_KEY_INPUT = 'apiKey';

const INTRO =
  'Paste a personal Sekoia.io API key. The bot checks it with Sekoia.io and keeps it encrypted; your card actions then run with it, under your own Sekoia.io permissions. Type unlink to make it forget the key.';

/**
 * The link form, sent in the user's personal chat with the bot only: a password input (masked,
 * Adaptive Cards 1.5 `style`) and Link (`Action.Execute`, which gathers the input, reference teams.md §4.2).
 * `problem` says why the previous try was refused. The card never holds the key once sent back.
 */
export function renderLinkCard(problem?: string): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: 'Link your Sekoia.io account', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: escapeInline(INTRO), wrap: true },
  ];
  if (problem !== undefined)
    body.push({ type: 'TextBlock', text: `⚠️ ${escapeInline(problem)}`, color: 'Attention', wrap: true });
  body.push({
    type: 'Input.Text',
    id: API_KEY_INPUT,
    label: 'Sekoia.io API key',
    placeholder: 'Only here, never in a channel',
    style: 'Password',
    maxLength: 256,
    isRequired: true,
    errorMessage: 'Paste your API key first.',
  });
  const card = composeCard('Link your Sekoia.io account', body);
  return {
    ...card,
    actions: [{ type: 'Action.Execute', id: 'link', title: 'Link', verb: LINK_VERB, data: {} }],
  };
}

/** What the form becomes once linked: who the key is, and nothing of the key. */
export function renderLinkedCard(name: string): AdaptiveCard {
  const text = `✅ Linked to Sekoia.io as ${escapeInline(name)}: your card actions now run with your own key.`;
  return composeCard(plainText(`Linked to Sekoia.io as ${name}`, 280), [
    { type: 'TextBlock', text, wrap: true },
  ]);
}
