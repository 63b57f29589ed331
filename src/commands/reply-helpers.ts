import type { Reply } from './command-context.ts';

export const info = (text: string, more: Omit<Reply, 'kind' | 'text'> = {}): Reply => ({
  kind: 'info',
  text,
  ...more,
});

export const success = (text: string, more: Omit<Reply, 'kind' | 'text'> = {}): Reply => ({
  kind: 'success',
  text,
  ...more,
});

/** Epoch ms → `2026-03-02 08:00 UTC`: one zone for everyone in the channel. */
export function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
