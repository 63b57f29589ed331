import { randomUUID } from 'node:crypto';
import type { FakeAlert, FakeComment } from './fake-alert.ts';

/** Reference §7 (alert details page): at most 500 comments per alert. */
export const MAX_COMMENTS_PER_ALERT = 500;

export interface CommentInput {
  content: string;
  author?: string | undefined;
  actorUuid: string;
  nowS: number;
}

/** Adds a comment as the API key `actorUuid`; undefined when the alert is full. */
export function appendComment(alert: FakeAlert, input: CommentInput): FakeComment | undefined {
  if (alert.comments.length >= MAX_COMMENTS_PER_ALERT) return undefined;
  const comment: FakeComment = {
    uuid: randomUUID(),
    content: input.content,
    // Observed default for comments without a custom author (reference §7).
    author: input.author ?? `apikey:${input.actorUuid}`,
    date: input.nowS,
    created_by: input.actorUuid,
    created_by_type: 'apikey',
    unseen: false,
  };
  alert.comments.push(comment);
  alert.number_of_total_comments = alert.comments.length;
  return comment;
}
