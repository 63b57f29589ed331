import { isRecord } from './connector-model.ts';

export interface CardAction {
  id?: string;
  data?: Record<string, unknown>;
}

function search(node: unknown, verb: string): CardAction | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = search(item, verb);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isRecord(node)) return undefined;
  if (node.type === 'Action.Execute' && node.verb === verb) {
    return {
      ...(typeof node.id === 'string' ? { id: node.id } : {}),
      ...(isRecord(node.data) ? { data: node.data } : {}),
    };
  }
  return search(Object.values(node), verb);
}

/** The `Action.Execute` with this verb on the message's Adaptive Cards, wherever it is nested. */
export function findExecuteAction(activity: Record<string, unknown>, verb: string): CardAction | undefined {
  const attachments = Array.isArray(activity.attachments) ? activity.attachments : [];
  const cards = attachments.filter(
    (attachment) =>
      isRecord(attachment) && attachment.contentType === 'application/vnd.microsoft.card.adaptive',
  );
  return search(
    cards.map((card) => (isRecord(card) ? card.content : undefined)),
    verb,
  );
}
