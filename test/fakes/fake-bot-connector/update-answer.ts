/**
 * How the fake answers a `PUT …/activities/{id}` that worked. The Bot Framework REST API declares
 * 200, 201 and 202 for an update, each with a ResourceResponse `{ id }` (botframework-connector,
 * `updateActivityOperationSpec`), but Microsoft's own Teams SDK reads an empty body as a valid answer
 * (microsoft/teams.net `ActivityClient.UpdateAsync` returns null for it; `BotHttpClient` takes an
 * empty or `{}` body as no content), so the bot must not need the id back: by default the fake
 * answers 200 with no body at all, the least a client can be given.
 */
export interface UpdateAnswer {
  status: 200 | 201 | 202;
  /** `{ id }` as the REST reference describes, or no body. */
  withId: boolean;
}

export const TEAMS_UPDATE_ANSWER: UpdateAnswer = { status: 200, withId: false };
