import { channelKey } from './card-job.ts';
import type { CardSink, CardTarget } from './card-sink.ts';
import type { PlatformGate } from './create-platform-gate.ts';

/**
 * A platform's sink with every call run in its gate, tagged with the call's lane (the target's, or
 * `update`) and channel: the requests it makes wait for their turn at the platform's rate.
 */
export function gateCardSink(sink: CardSink, gate: PlatformGate): CardSink {
  const through = <T>(target: CardTarget, call: () => Promise<T>) =>
    gate.run({ lane: target.lane ?? 'update', channel: channelKey(target.channel) }, call);
  return {
    post: (target, card) => through(target, () => sink.post(target, card)),
    update: (target, messageId, card) => through(target, () => sink.update(target, messageId, card)),
    replyInThread: (target, messageId, note) =>
      through(target, () => sink.replyInThread(target, messageId, note)),
    remind: (target, messageId, note) => through(target, () => sink.remind(target, messageId, note)),
    findCard: (target, alertUuid, sinceMs) =>
      through(target, () => sink.findCard(target, alertUuid, sinceMs)),
    postCompact: (target, card) => through(target, () => sink.postCompact(target, card)),
    updateCompact: (target, messageId, card) =>
      through(target, () => sink.updateCompact(target, messageId, card)),
    postRollup: (target, card) => through(target, () => sink.postRollup(target, card)),
    updateRollup: (target, messageId, card) =>
      through(target, () => sink.updateRollup(target, messageId, card)),
    findRollup: (target, stormId, sinceMs) =>
      through(target, () => sink.findRollup(target, stormId, sinceMs)),
  };
}
