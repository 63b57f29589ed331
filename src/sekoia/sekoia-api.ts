import type { SekoiaAlert } from './alert-schema.ts';
import type { SekoiaComment } from './comment-schema.ts';
import type { WorkflowAction } from './workflow-schema.ts';

export interface PatchWorkflowInput {
  /** A workflow action id, or (accepted by Sekoia too) the target status UUID (reference §6.2). */
  actionUuid: string;
  comment?: string;
}

export interface PostCommentInput {
  content: string;
  /** Free text shown as the author, e.g. "Mattermost: alice". */
  author?: string;
}

/**
 * The Sekoia.io API as the bot uses it. Every method takes an alert UUID or short id, refuses any other
 * id without a request, and fails with a BotError coded `sekoia_*`.
 */
export interface SekoiaApi {
  /** `GET /v1/sic/alerts/{uuid or short_id}?stix=false` */
  getAlert(idOrShortId: string): Promise<SekoiaAlert>;
  /** `GET /v1/sic/alerts/{uuid}/workflow`: the actions allowed from the current status. */
  getWorkflow(alertUuid: string): Promise<WorkflowAction[]>;
  /** `PATCH /v1/sic/alerts/{uuid}/workflow`; any 2xx is success. */
  patchWorkflow(alertUuid: string, input: PatchWorkflowInput): Promise<void>;
  /** `POST /v1/sic/alerts/{uuid}/comments` */
  postComment(alertUuid: string, input: PostCommentInput): Promise<SekoiaComment>;
  /** `GET /v1/me`: checks reachability and the key. */
  ping(): Promise<void>;
}
