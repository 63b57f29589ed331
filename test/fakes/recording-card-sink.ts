import type { AlertCard } from '../../src/delivery/alert-card.ts';
import type { CardSink, CardTarget, ReminderNote, StatusNote } from '../../src/delivery/card-sink.ts';
import type { CompactCard } from '../../src/delivery/compact-card.ts';
import type { RollupCard } from '../../src/delivery/rollup-card.ts';

export interface SinkMessage {
  id: string;
  channel: string;
  alertUuid: string;
  card: AlertCard;
  versions: number;
  thread: StatusNote[];
  reminders: ReminderNote[];
  postedAt: number;
}

/** A compact card (report, rule added, intake silent, playbook error) as posted, then edited. */
export interface CompactSinkMessage {
  id: string;
  channel: string;
  compact: CompactCard;
  versions: number;
  postedAt: number;
}

/** A storm's roll-up card as posted, then edited. */
export interface RollupSinkMessage {
  id: string;
  channel: string;
  rollup: RollupCard;
  versions: number;
  postedAt: number;
}

/** A platform stand-in for the delivery core: keeps messages, can fail, can be slow. */
export interface RecordingCardSink extends CardSink {
  /** Alert cards. */
  readonly messages: SinkMessage[];
  /** Compact cards; their ids and the alert cards' come from one sequence, as a channel's would. */
  readonly compactMessages: CompactSinkMessage[];
  readonly rollupMessages: RollupSinkMessage[];
  /** The next post() or postCompact() stores the message and then throws (the reply was lost). */
  loseNextPostReply(): void;
  /** The next post() or postCompact() throws `error` without posting (a 429, a refused connection). */
  refuseNextPost(error: Error): void;
  /** findCard() calls so far (each is a channel listing on Mattermost). */
  readonly lookups: number;
  /** post() and postCompact() calls so far, refused ones included. */
  readonly postAttempts: number;
  delayMs: number;
}

export function createRecordingCardSink(now: () => number): RecordingCardSink {
  const messages: SinkMessage[] = [];
  const compactMessages: CompactSinkMessage[] = [];
  const rollupMessages: RollupSinkMessage[] = [];
  let loseReply = false;
  let refusal: Error | undefined;
  let lookups = 0;
  let postAttempts = 0;
  /** Counts the attempt and throws the queued refusal, before anything is stored. */
  const attempt = () => {
    postAttempts += 1;
    const error = refusal;
    refusal = undefined;
    if (error !== undefined) throw error;
  };
  const nextId = () => `m${messages.length + compactMessages.length + rollupMessages.length + 1}`;
  const settle = async (id: string) => {
    if (loseReply) {
      loseReply = false;
      throw new Error('connection reset after the post was made');
    }
    return id;
  };
  const sink: RecordingCardSink = {
    messages,
    compactMessages,
    rollupMessages,
    delayMs: 0,
    loseNextPostReply() {
      loseReply = true;
    },
    refuseNextPost(error) {
      refusal = error;
    },
    get lookups() {
      return lookups;
    },
    get postAttempts() {
      return postAttempts;
    },
    async post(target: CardTarget, card: AlertCard) {
      await new Promise((resolve) => setTimeout(resolve, sink.delayMs));
      attempt();
      const message: SinkMessage = {
        id: nextId(),
        channel: target.channel.channel,
        alertUuid: card.alertUuid,
        card,
        versions: 1,
        thread: [],
        reminders: [],
        postedAt: now(),
      };
      messages.push(message);
      return settle(message.id);
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
    async remind(_target, messageId, note) {
      const message = messages.find((m) => m.id === messageId);
      if (message === undefined) throw new Error(`no message ${messageId}`);
      message.reminders.push(note);
    },
    async findCard(target, alertUuid, sinceMs) {
      lookups += 1;
      return messages.find(
        (m) => m.channel === target.channel.channel && m.alertUuid === alertUuid && m.postedAt >= sinceMs,
      )?.id;
    },
    async postCompact(target, compact) {
      await new Promise((resolve) => setTimeout(resolve, sink.delayMs));
      attempt();
      const message: CompactSinkMessage = {
        id: nextId(),
        channel: target.channel.channel,
        compact,
        versions: 1,
        postedAt: now(),
      };
      compactMessages.push(message);
      return settle(message.id);
    },
    async updateCompact(_target, messageId, compact) {
      const message = compactMessages.find((m) => m.id === messageId);
      if (message === undefined) throw new Error(`no compact message ${messageId}`);
      message.compact = compact;
      message.versions += 1;
    },
    async postRollup(target, rollup) {
      await new Promise((resolve) => setTimeout(resolve, sink.delayMs));
      const message: RollupSinkMessage = {
        id: nextId(),
        channel: target.channel.channel,
        rollup,
        versions: 1,
        postedAt: now(),
      };
      rollupMessages.push(message);
      return settle(message.id);
    },
    async findRollup(target, stormId, sinceMs) {
      return rollupMessages.find(
        (m) => m.channel === target.channel.channel && m.rollup.stormId === stormId && m.postedAt >= sinceMs,
      )?.id;
    },
    async updateRollup(_target, messageId, rollup) {
      const message = rollupMessages.find((m) => m.id === messageId);
      if (message === undefined) throw new Error(`no roll-up message ${messageId}`);
      message.rollup = rollup;
      message.versions += 1;
    },
  };
  return sink;
}
