import { buildCommentAuthor } from './build-comment-author.ts';
import { type CardAction, INTERACTIVE } from './card-action.ts';
import { describeSekoiaFailure, errorCode } from './describe-sekoia-failure.ts';

export const MAX_COMMENT_LENGTH = 2_000;

/** Adds the user's text to the alert in Sekoia.io, signed with their name, and notes it in the card's thread. */
export const commentAction: CardAction = {
  button: { id: 'comment', label: 'Comment', style: 'default' },
  changesStatus: false,
  needsText: true,
  pending: (alertName) =>
    `Adding your comment to ${alertName}; it will be noted in the card's thread when Sekoia.io has it.`,
  done: () => 'Comment added in Sekoia.io.',
  async run({ grant, user, text }, { sekoia, platforms, log }) {
    const content = (text ?? '').trim();
    if (content === '' || content.length > MAX_COMMENT_LENGTH) {
      return { ok: false, message: `A comment takes 1 to ${MAX_COMMENT_LENGTH} characters.` };
    }
    try {
      // The author is cut to Sekoia.io's 32 characters; then the full name signs the text instead.
      const { author, signature } = buildCommentAuthor(user, platforms);
      const signed = signature === undefined ? content : `${content}\n\n— ${signature}`;
      await sekoia.postComment(grant.alertUuid, { content: signed, author }, INTERACTIVE);
      return { ok: true, message: 'Comment added in Sekoia.io.' };
    } catch (error) {
      log.warn({ err: errorCode(error), alertUuid: grant.alertUuid }, 'comment failed');
      return { ok: false, message: `Could not add the comment: ${describeSekoiaFailure(error)}` };
    }
  },
  follow: (ctx) => ctx.noteInThread({ by: ctx.user.name, text: ctx.text ?? '' }),
};
