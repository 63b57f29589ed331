/** The Adaptive Card 1.5 subset the bot sends to Teams, as plain JSON types (reference teams §5). */

export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

export type TextBlock = {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'Bolder';
  size?: 'Medium';
  color?: 'Attention';
  isSubtle?: true;
  spacing?: 'None';
  fontType?: 'Monospace';
};
export type Fact = { title: string; value: string };
export type InputText = {
  type: 'Input.Text';
  id: string;
  label: string;
  placeholder: string;
  isMultiline?: true;
  /** Adaptive Cards 1.5: the renderer masks what is typed. */
  style?: 'Password';
  maxLength: number;
  isRequired: true;
  errorMessage: string;
};
export type InputNumber = {
  type: 'Input.Number';
  id: string;
  label: string;
  placeholder: string;
  min: number;
  max: number;
  isRequired: true;
  errorMessage: string;
};
export type CardElement =
  | TextBlock
  | InputNumber
  | { type: 'Container'; style: ContainerStyle; bleed: true; items: CardElement[] }
  | { type: 'FactSet'; facts: Fact[] }
  | InputText;
export type ExecuteAction = {
  type: 'Action.Execute';
  id: string;
  title: string;
  verb: string;
  data: Record<string, unknown>;
};
export type CardAction =
  | ExecuteAction
  | { type: 'Action.ShowCard'; id: string; title: string; card: NestedCard }
  | { type: 'Action.OpenUrl'; id: string; title: string; url: string };
/** The card an `Action.ShowCard` opens: no version of its own. */
export type NestedCard = { type: 'AdaptiveCard'; body: CardElement[]; actions: CardAction[] };

/**
 * An `<at>` mention, in a card's `msteams.entities` or a message's `entities`: `text` is the
 * `<at>…</at>` as it stands in the card or message text; `type: 'tag'` names a team tag
 * (learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format, "Mention
 * support within Adaptive Cards"; OfficeDev/Microsoft-Teams-Samples, samples/bot-tag-mention).
 */
export type MentionEntity = {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string; type?: 'tag' };
};

/** Adaptive Card JSON as sent to Teams: plain data, no SDK class (reference §5.5). */
export type AdaptiveCard = {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  fallbackText: string;
  msteams: { width: 'Full'; entities?: MentionEntity[] };
  body: CardElement[];
  actions: CardAction[];
};
