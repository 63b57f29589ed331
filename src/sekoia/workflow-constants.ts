/**
 * The built-in workflow (reference §6.1, §6.2). `GET …/workflow` is the source of truth; these are
 * the fallback when it cannot be read, and the names the buttons match on.
 */
export const ALERT_STATUSES = {
  pending: { uuid: '2efc4930-1442-4abb-acf2-58ba219a4fd0', name: 'Pending' },
  acknowledged: { uuid: '8f206505-af6d-433e-93f4-775d46dc7d0f', name: 'Acknowledged' },
  ongoing: { uuid: '1f2f88d5-ff5b-48bf-bbbc-00c2fff82d9f', name: 'Ongoing' },
  rejected: { uuid: '4f68da89-38e0-4703-a6ab-652f02bdf24e', name: 'Rejected' },
  closed: { uuid: '1738b1c1-767d-489e-bada-19176621a007', name: 'Closed' },
} as const;

export type AlertStatusKey = keyof typeof ALERT_STATUSES;

export const WORKFLOW_ACTIONS = {
  acknowledge: { id: '937bdabf-6a08-434b-b6d3-d7447e4e452a', name: 'Acknowledge', to: 'acknowledged' },
  validate: { id: 'c39a0a95-aa2c-4d0d-8d2e-d3decf426eea', name: 'Validate', to: 'ongoing' },
  reject: { id: 'ade85d7b-7507-4026-bfc6-cc006d10ddac', name: 'Reject', to: 'rejected' },
  close: { id: '1390be4e-ced8-4dd6-9bed-573471b235ab', name: 'Close', to: 'closed' },
} as const satisfies Record<string, { id: string; name: string; to: AlertStatusKey }>;

export type WorkflowActionKey = keyof typeof WORKFLOW_ACTIONS;

/** Actions allowed from each built-in status; Rejected and Closed are final (no public Reopen). */
export const ALLOWED_ACTIONS: Readonly<Record<AlertStatusKey, readonly WorkflowActionKey[]>> = {
  pending: ['acknowledge', 'validate', 'reject'],
  acknowledged: ['validate', 'reject'],
  ongoing: ['close', 'reject'],
  rejected: [],
  closed: [],
};
