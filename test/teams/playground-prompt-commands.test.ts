import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPromptCommand } from '../../scripts/playground-prompt-commands.ts';
import { type FakeSekoia, startFakeSekoia } from '../fakes/fake-sekoia/index.ts';

/** The `sekoia>` prompt of npm run teams:playground, against the fake Sekoia.io it drives. */
describe('the teams:playground prompt', () => {
  let sekoia: FakeSekoia;
  const run = (line: string) => runPromptCommand(sekoia, line);

  beforeAll(async () => {
    sekoia = await startFakeSekoia({});
  });
  afterAll(async () => {
    await sekoia?.close();
  });

  it('raises an alert at a level or a value, with a title, and names it by its short id', () => {
    const [line] = run('alert medium VPN login from a new country').lines;
    const [alert] = sekoia.listAlerts();
    expect(alert?.urgency.current_value).toBe(60);
    expect(alert?.title).toBe('VPN login from a new country');
    expect(line).toContain(alert?.short_id);
    run('alert 12');
    expect(sekoia.listAlerts().map((each) => each.urgency.current_value)).toContain(12);
  });

  it('changes a status, case-insensitively, and adds an occurrence', () => {
    const id = sekoia.listAlerts()[0]?.short_id ?? '';
    expect(run(`update ${id} closed`).lines).toEqual([`${id} is now Closed.`]);
    expect(sekoia.getAlert(id)?.status.name).toBe('Closed');
    const before = sekoia.getAlert(id)?.similar ?? 0;
    run(`occurrence ${id}`);
    expect(sekoia.getAlert(id)?.similar).toBe(before + 1);
  });

  it('says what was wrong, quoting it, and changes nothing', () => {
    const count = sekoia.listAlerts().length;
    expect(run('alert urgent').lines[0]).toContain('"urgent" is not an urgency');
    expect(run('alert 101').lines[0]).toContain('"101" is not an urgency');
    expect(run('update ALnope Closed').lines[0]).toContain('No alert ALnope');
    expect(run('update').lines[0]).toMatch(/^Usage: update <short_id> <Pending\|Acknowledged/);
    expect(run('frobnicate').lines).toEqual(['Unknown command "frobnicate". Type help.']);
    expect(sekoia.listAlerts()).toHaveLength(count);
  });

  it('lists the alerts, publishes a report, and quits', () => {
    expect(run('alerts').lines).toHaveLength(sekoia.listAlerts().length);
    expect(run('report').lines[0]).toMatch(/^Report ".+" published\.$/);
    expect(run('quit')).toEqual({ lines: [], quit: true });
  });
});
