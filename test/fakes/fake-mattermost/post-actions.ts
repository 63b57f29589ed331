import { type FakePost, isRecord } from './fake-model.ts';
import { newId } from './new-id.ts';

/** Every `props.attachments[].actions[]` entry that is an object. */
export function listActions(props: Record<string, unknown>): Record<string, unknown>[] {
  const attachments = Array.isArray(props.attachments) ? props.attachments : [];
  return attachments.flatMap((attachment) =>
    isRecord(attachment) && Array.isArray(attachment.actions) ? attachment.actions.filter(isRecord) : [],
  );
}

/** The server fills in missing action ids when a post is saved (reference §4.1). */
export function generateActionIds(props: Record<string, unknown>): void {
  for (const action of listActions(props)) {
    if (typeof action.id !== 'string' || action.id === '') action.id = newId();
  }
}

/** The first action with that id, as `post.GetAction` finds it. */
export function findAction(post: FakePost, actionId: string): Record<string, unknown> | undefined {
  return listActions(post.props).find((action) => action.id === actionId);
}

/** What any API caller gets: a copy with `integration` removed from every action (reference §4.5). */
export function toClientPost(post: FakePost): FakePost {
  const copy = structuredClone(post);
  for (const action of listActions(copy.props)) delete action.integration;
  return copy;
}
