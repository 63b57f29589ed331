import type { AlertCard } from '../../src/delivery/alert-card.ts';
import type { CardSink, CardTarget, StatusNote } from '../../src/delivery/card-sink.ts';

export interface SinkMessage {
  id: string;
  channel: string;
  alertUuid: string;
  card: AlertCard;
  versions: number;
  thread: StatusNote[];
  postedAt: number;
}

/** A platform stand-in for the delivery core: keeps messages, can fail, can be slow. */
export interface RecordingCardSink extends CardSink {
  readonly messages: SinkMessage[];
  /** The next post() stores the message and then throws (the reply to the post was lost). */
  loseNextPostReply(): void;
  delayMs: number;
}

export function createRecordingCardSink(now: () => number): RecordingCardSink {
  const messages: SinkMessage[] = [];
  let loseReply = false;
  const sink: RecordingCardSink = {
    messages,
    delayMs: 0,
    loseNextPostReply() {
      loseReply = true;
    },
    async post(target: CardTarget, card: AlertCard) {
      await new Promise((resolve) => setTimeout(resolve, sink.delayMs));
      const message: SinkMessage = {
        id: `m${messages.length + 1}`,
        channel: target.channel.channel,
        alertUuid: card.alertUuid,
        card,
        versions: 1,
        thread: [],
        postedAt: now(),
      };
      messages.push(message);
      if (loseReply) {
        loseReply = false;
        throw new Error('connection reset after the post was made');
      }
      return message.id;
    },
    async update(_target, messageId, card) {
      const message = messages.find((m) => m.id === messageId);
      if (message === undefined) throw new Error(`no message ${messageId}`);
      message.card = card;
      message.versions += 1;
    },
    async replyInThread(_target, messageId, note) {
      messages.find((m) => m.id === messageId)?.thread.push(note);
    },
    async findCard(target, alertUuid, sinceMs) {
      return messages.find(
        (m) => m.channel === target.channel.channel && m.alertUuid === alertUuid && m.postedAt >= sinceMs,
      )?.id;
    },
  };
  return sink;
}
