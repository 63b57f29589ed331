import { isBotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { CardRecord, CardStore } from './card-store.ts';

export interface PostOrRecoverInput {
  cards: Pick<CardStore, 'put'>;
  /** The card's record, messageId null: a marker already stored, or a new one (`stored` false). */
  record: CardRecord;
  stored: boolean;
  /** How far back to look before `creatingSince` for a post an interrupted try may have made. */
  lookbackMs: number;
  find(sinceMs: number): Promise<string | undefined>;
  post(): Promise<string>;
  log: Logger;
}

/**
 * The message of a card not recorded yet. A marker is stored before posting, so that a crash (or a
 * failure that proves nothing, like a reset once the request was sent) leads the next try to look
 * for the post it may have made instead of posting a second card. A failure that proves nothing was
 * posted (a 429, another refusal, a connection refused) is recorded on the marker: the next try posts
 * at once, with no look-up. `recovered` says the message was found rather than posted.
 */
export async function postOrRecover(
  input: PostOrRecoverInput,
): Promise<{ messageId: string; recovered: boolean }> {
  const { cards, record, log } = input;
  const mayBePosted = input.stored && record.inFlight !== false;
  if (mayBePosted) {
    const found = await input.find(record.creatingSince - input.lookbackMs);
    if (found !== undefined) return { messageId: found, recovered: true };
  } else await cards.put({ ...record, inFlight: true });
  try {
    return { messageId: await input.post(), recovered: false };
  } catch (error) {
    if (isBotError(error) && error.nothingDone) {
      // Should this write fail, the marker still says "in flight": the next try only looks first.
      await cards.put({ ...record, inFlight: false }).catch((putError: unknown) => {
        log.warn({ err: isBotError(putError) ? putError.code : putError }, 'could not record a failed post');
      });
    }
    throw error;
  }
}
