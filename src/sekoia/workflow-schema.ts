import { z } from 'zod';

export const workflowActionSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().nullish(),
});

/** `GET …/workflow`: the transitions allowed from the alert's current status (reference §6.2). */
export const workflowResponseSchema = z.looseObject({ actions: z.array(workflowActionSchema) });

export type WorkflowAction = z.infer<typeof workflowActionSchema>;
