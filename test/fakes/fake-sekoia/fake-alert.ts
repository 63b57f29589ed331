/**
 * The fake's own model of a Sekoia.io alert (its workflow is in fake-workflow.ts), restated from
 * shared/reference/sekoia-api.md §5–§7 (deliberately not imported from src/, so a mistake there
 * is not mirrored here).
 */
export interface FakeStatus {
  uuid: string;
  name: FakeStatusName;
  description: string;
}

export interface FakeComment {
  uuid: string;
  content: string;
  author: string;
  /** Unix seconds. */
  date: number;
  created_by: string;
  created_by_type: string;
  unseen: boolean;
}

export interface FakeHistoryEntry {
  uuid: string;
  created_at: number;
  created_by: string;
  created_by_type: string;
  entry_type: string;
  history_comments: FakeComment[];
  [key: string]: unknown;
}

export interface FakeAlert {
  uuid: string;
  short_id: string;
  title: string;
  details: string | null;
  community_uuid: string;
  entity: { uuid: string; name: string } | null;
  urgency: { current_value: number; value: number; severity: number; criticity: number; display: string };
  alert_type: { category: string; value: string } | null;
  status: FakeStatus;
  custom_status_uuid: string | null;
  custom_status: { uuid: string; label: string; stage: string; level: number } | null;
  rule: {
    uuid: string;
    name: string;
    description: string;
    severity: number;
    type: string | null;
    pattern: string;
  } | null;
  source: string | null;
  target: string | null;
  similar: number;
  first_seen_at: string;
  last_seen_at: string;
  /** Unix seconds. */
  created_at: number;
  /** Unix seconds. */
  updated_at: number;
  assets: string[];
  comments: FakeComment[];
  number_of_total_comments: number;
  history: FakeHistoryEntry[];
  [key: string]: unknown;
}

export type FakeStatusName = 'Pending' | 'Acknowledged' | 'Ongoing' | 'Rejected' | 'Closed';
