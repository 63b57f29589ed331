import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9]{1,64}$/i, 'a Mattermost id');

/** The slash command fields the bot uses (reference §2.2); others are ignored. */
export const commandRequestSchema = z.object({
  token: z.string().max(256),
  team_id: id,
  channel_id: id,
  user_id: id,
  user_name: z.string().min(1).max(64),
  // Bounded by the form size only: `runCommand` answers an over-long command with an error reply.
  text: z.string().default(''),
  response_url: z.string().max(2_048).optional(),
  trigger_id: z.string().max(4_096).optional(),
});

export type CommandRequest = z.infer<typeof commandRequestSchema>;

/** A button click as the server relays it (reference §4.3); `user_id`/`post_id` are server-filled. */
export const actionRequestSchema = z.object({
  user_id: id,
  user_name: z.string().max(64).optional(),
  channel_id: id,
  team_id: z.string().max(64).optional(),
  post_id: id,
  trigger_id: z.string().max(4_096).optional(),
  context: z.unknown(),
});

export type ActionRequest = z.infer<typeof actionRequestSchema>;

/** A dialog submission (reference §5.3). */
export const dialogRequestSchema = z.object({
  type: z.string().max(64).optional(),
  callback_id: z.string().max(256).optional(),
  state: z.string().max(4_096),
  user_id: id,
  channel_id: id,
  team_id: z.string().max(64).optional(),
  submission: z.record(z.string(), z.unknown()).nullish(),
  cancelled: z.boolean().optional(),
});

export type DialogRequest = z.infer<typeof dialogRequestSchema>;
