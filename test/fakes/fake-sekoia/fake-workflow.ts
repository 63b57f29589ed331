/** The built-in workflow of reference §6.1–§6.2, as the fake applies it. */
import type { FakeAlert, FakeStatus, FakeStatusName } from './fake-alert.ts';

interface StatusRow {
  status: FakeStatus;
  /** The legacy status as converted to a custom status; uuids other than Pending's are made up. */
  custom: { uuid: string; label: string; stage: string; level: number };
}

function row(
  name: FakeStatusName,
  uuid: string,
  description: string,
  custom: [string, string, number],
): StatusRow {
  return {
    status: { uuid, name, description },
    custom: { uuid: custom[0], label: name, stage: custom[1], level: custom[2] },
  };
}

export const FAKE_STATUSES: Readonly<Record<FakeStatusName, StatusRow>> = {
  Pending: row('Pending', '2efc4930-1442-4abb-acf2-58ba219a4fd0', 'The alert is waiting for action', [
    'c41f7e02-93ab-4d5e-b8a0-7f2e61d9c4b3',
    'open',
    1,
  ]),
  Acknowledged: row(
    'Acknowledged',
    '8f206505-af6d-433e-93f4-775d46dc7d0f',
    'The alert was checked by an operator',
    ['5b2d8e41-7a3c-4f19-9e60-d1c4a8b73f25', 'in progress', 2],
  ),
  Ongoing: row('Ongoing', '1f2f88d5-ff5b-48bf-bbbc-00c2fff82d9f', 'Countermeasures will be applied', [
    '9e6a1f37-2c58-4b0d-a7e4-36f8d2c9b150',
    'in progress',
    3,
  ]),
  Rejected: row('Rejected', '4f68da89-38e0-4703-a6ab-652f02bdf24e', 'The alert is a false positive', [
    'd07c3b95-e41a-4c62-8f3d-5a9b1e6c2f84',
    'closed',
    4,
  ]),
  Closed: row('Closed', '1738b1c1-767d-489e-bada-19176621a007', 'The alert has been handled', [
    '3a8f5c20-b96d-4e17-a25c-7e0d4b1f9c63',
    'closed',
    5,
  ]),
};

export interface FakeAction {
  id: string;
  name: string;
  description: string;
  to: FakeStatusName;
}

export const FAKE_ACTIONS: readonly FakeAction[] = [
  {
    id: '937bdabf-6a08-434b-b6d3-d7447e4e452a',
    name: 'Acknowledge',
    description: 'Acknowledge the alert',
    to: 'Acknowledged',
  },
  {
    id: 'c39a0a95-aa2c-4d0d-8d2e-d3decf426eea',
    name: 'Validate',
    description: 'Validate the alert',
    to: 'Ongoing',
  },
  {
    id: 'ade85d7b-7507-4026-bfc6-cc006d10ddac',
    name: 'Reject',
    description: 'Reject the alert',
    to: 'Rejected',
  },
  { id: '1390be4e-ced8-4dd6-9bed-573471b235ab', name: 'Close', description: 'Close the alert', to: 'Closed' },
];

/** Reference §6.1: Rejected and Closed are final. */
export const FAKE_TRANSITIONS: Readonly<Record<FakeStatusName, readonly string[]>> = {
  Pending: ['Acknowledge', 'Validate', 'Reject'],
  Acknowledged: ['Validate', 'Reject'],
  Ongoing: ['Close', 'Reject'],
  Rejected: [],
  Closed: [],
};

export function statusNameOf(alert: FakeAlert): FakeStatusName | undefined {
  return Object.values(FAKE_STATUSES).find((entry) => entry.status.uuid === alert.status.uuid)?.status.name;
}
