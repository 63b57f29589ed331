import type { HoursView } from '../delivery/create-hold-panel.ts';
import { describeLocalTime } from '../delivery/describe-working-hours.ts';
import type { MaintenanceWindow } from '../delivery/maintenance-window.ts';
import { formatTime } from '../format-time.ts';
import { formatDuration } from '../rules/parse-duration.ts';

const alerts = (count: number) => `${count} alert${count === 1 ? '' : 's'}`;

/** `entity="Lyon HQ" (switch upgrade)`: what a maintenance window holds, and why. */
export function describeWindow(window: MaintenanceWindow): string {
  return window.reason ? `${window.label} (${window.reason})` : window.label;
}

/** `k3m9 — entity="Lyon HQ" (switch upgrade), 1h30m left, 2 alerts held`, as `maintenance` and `status` list it. */
export function openWindowLine(window: MaintenanceWindow, held: number, now: number): string {
  return `${window.id} — ${describeWindow(window)}, ${formatDuration(window.endsAt - now)} left, ${alerts(held)} held`;
}

/**
 * `Working hours: closed until Mon 08:00 Europe/Paris (2026-03-02 07:00 UTC), 3 alerts held`, for
 * `status`; undefined while the channel is in its hours or has none (nothing waits for them).
 */
export function heldForHoursLine(view: HoursView): string | undefined {
  if (view.hours === undefined || view.inHours || view.opensAt === null) return undefined;
  const opens = `${describeLocalTime(view.opensAt, view.hours.timeZone)} (${formatTime(view.opensAt)})`;
  return `Working hours: closed until ${opens}, ${alerts(view.held)} held`;
}
