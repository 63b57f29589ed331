import type { CardAction } from './card-action.ts';
import { commentAction } from './comment-action.ts';
import { excludeAction } from './exclude-action.ts';
import { muteAction } from './mute-action.ts';
import { undoExclusionAction } from './undo-exclusion-action.ts';
import { urgencyAction } from './urgency-action.ts';
import { whyAction } from './why-action.ts';
import { workflowAction } from './workflow-action.ts';

/** Every card button, in display order after the workflow ones (which follow the alert's workflow). */
export const CARD_ACTION_KEYS = [
  'acknowledge',
  'validate',
  'reject',
  'close',
  'comment',
  'urgency',
  'mute',
  'why',
  'excludeEntity',
  'excludeRule',
  'undoExclusion',
] as const;
export type CardActionKey = (typeof CARD_ACTION_KEYS)[number];

/** The one table from a button's kind to its handler: both platforms' buttons and clicks read it. */
export const ACTION_TABLE: Readonly<Record<CardActionKey, CardAction>> = {
  acknowledge: workflowAction('acknowledge'),
  validate: workflowAction('validate'),
  reject: workflowAction('reject'),
  close: workflowAction('close'),
  comment: commentAction,
  urgency: urgencyAction,
  mute: muteAction,
  why: whyAction,
  excludeEntity: excludeAction('entity'),
  excludeRule: excludeAction('rule'),
  undoExclusion: undoExclusionAction,
};
