/** Epoch ms → `2026-03-02 08:00 UTC`: one zone for everyone in the channel. */
export function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
