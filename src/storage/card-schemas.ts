import { z } from 'zod';
import type { AlertState } from '../delivery/alert-state-store.ts';
import type { CardRecord } from '../delivery/card-store.ts';
import type { AlertNotification } from '../normalize/notification.ts';
import { mentionSchema } from '../rules/notify-list-schema.ts';
import { platformIdSchema } from '../rules/platform-id.ts';
import { MENTION_NAME } from '../rules/read-notify-option.ts';
import type { WorkflowActionKey } from '../sekoia/workflow-constants.ts';

const WORKFLOW_KEYS = [
  'acknowledge',
  'validate',
  'reject',
  'close',
] as const satisfies readonly WorkflowActionKey[];

const channelSchema = z.object({
  platform: platformIdSchema,
  team: z.string(),
  channel: z.string().min(1),
});

export const cardRecordSchema: z.ZodType<CardRecord> = z.object({
  alertUuid: z.string().min(1),
  channel: channelSchema,
  messageId: z.string().min(1).nullable(),
  creatingSince: z.number().finite(),
  // Absent in records written before it: read as "may have been posted".
  inFlight: z.boolean().optional(),
  ruleId: z.string(),
  ruleName: z.string().nullable(),
  // A bare name: a record written before mentions could carry an id (Mattermost only then).
  mentions: z
    .array(
      z.union([
        mentionSchema,
        z
          .string()
          .regex(MENTION_NAME)
          .transform((name) => ({ name })),
      ]),
    )
    .optional(),
  status: z.string().nullable(),
  shownAt: z.number().finite(),
});

export const channelListSchema = z.array(channelSchema);

/**
 * An asset as kept with the alert state. States written before assets were named hold bare UUID
 * strings: they read as assets not named yet.
 */
const storedAssetSchema = z.union([
  z.string().transform((uuid) => ({ uuid, name: undefined, criticality: undefined })),
  z.object({
    uuid: z.string(),
    name: z.string().optional(),
    criticality: z.number().finite().optional(),
  }),
]);

/**
 * The fields a card needs to render safely are checked; optional texts that JSON dropped (undefined)
 * stay absent, which the card renders as "unknown".
 */
const notificationSchema = z.looseObject({
  kind: z.literal('alert'),
  trigger: z.enum(['alert-raised', 'alert-updated']),
  event: z.looseObject({ id: z.string(), type: z.string(), action: z.string() }),
  alert: z.looseObject({
    uuid: z.string().min(1),
    link: z.string(),
    assets: z.array(storedAssetSchema),
    status: z.looseObject({}),
    entity: z.looseObject({}),
    rule: z.looseObject({}),
    alertType: z.looseObject({}),
  }),
  changes: z.array(z.string()),
  enriched: z.boolean(),
  workflow: z.array(z.enum(WORKFLOW_KEYS)),
  observedAt: z.number().finite(),
});

const activitySchema = z.object({
  verb: z.string(),
  by: z.string(),
  platform: platformIdSchema,
  at: z.number().finite(),
  status: z.string().optional(),
});

export function parseAlertState(value: unknown): AlertState | undefined {
  const parsed = z
    .object({ notification: notificationSchema, activity: activitySchema.nullable() })
    .safeParse(value);
  if (!parsed.success) return undefined;
  const { activity } = parsed.data;
  return {
    // Checked above for what rendering relies on; the rest is plain optional text.
    notification: parsed.data.notification as unknown as AlertNotification,
    activity: activity === null ? null : { ...activity, status: activity.status },
  };
}
