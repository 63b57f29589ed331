import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** `npm run demo` as a user runs it: its own process, stdout captured, the exit code and time kept. */
async function runDemo(): Promise<{ code: number | null; output: string; errors: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'demo.ts')], {
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output, errors, ms: Date.now() - started };
}

/** The output from the line containing `from` up to the next step heading. */
function section(output: string, from: string): string {
  const start = output.indexOf(from);
  if (start < 0) return '';
  const end = output.indexOf('\n▶', start + from.length);
  return output.slice(start, end < 0 ? undefined : end);
}

describe('npm run demo', () => {
  it('tours the Mattermost product end to end and exits 0 within 30 seconds', {
    timeout: 30_000,
  }, async () => {
    const { code, output, errors, ms } = await runDemo();
    expect(code, errors).toBe(0);
    expect(ms).toBeLessThan(30_000);

    const subscribed = section(output, '/sekoia subscribe alert-raised urgency>=high');
    expect(subscribed).toMatch(/Rule (\S+) created: alert-raised urgency>=high/);
    expect(subscribed).toMatch(/the bot's post in ~soc-alerts .*\n.*created rule \S+: alert-raised/);
    expect(section(output, '/sekoia rules')).toContain('1 rule in this channel');
    expect(section(output, 'urgncy>=high')).toContain('did you mean "urgency"?');

    const posted = section(output, 'raises a high alert and a low alert');
    expect(posted).toMatch(/title: AL\w+ · Mimikatz credential dumping on WS-114/);
    expect(posted).toContain('colour: red/high');
    expect(posted).toContain('Status: Pending');
    expect(posted).toContain('buttons: [Acknowledge] [Validate] [Reject] [Comment] [Mute rule 1h]');
    expect(posted).toMatch(/low alert AL\w+ matched no rule: nothing was posted/);
    expect(posted).not.toMatch(/[\\\u2060]/);

    expect(section(output, 'new occurrences')).toMatch(/Same post \w+ edited: Occurrences 3 → 7/);

    const clicked = section(output, 'alice clicks Acknowledge');
    expect(clicked).toMatch(/acknowledged in Sekoia\.io/);
    expect(clicked).toMatch(/PATCH \/v1\/sic\/alerts\/[\w-]+\/workflow/);
    expect(clicked).toContain('"comment":"Acknowledged from Mattermost by @alice"');
    const after = section(clicked, 'The card after the click:');
    expect(after).toContain('Status: Acknowledged');
    expect(after).toContain('Acknowledged by alice from Mattermost');
    expect(after).toContain('buttons: [Validate] [Reject] [Comment] [Mute rule 1h]');
    expect(after).toMatch(/thread reply .*\n.*Pending → Acknowledged by alice/);

    const retried = section(output, 'the same WebHook arrives twice');
    expect(retried.match(/→ 202/g)).toHaveLength(2);
    expect(retried).toContain('sekoia_chatops_events_deduplicated_total 1');
    expect(retried).toContain('Still 1 card');

    expect(output).toContain('POST /mattermost/actions → 403');
    expect(output).toContain('Demo finished: 1 card posted, 2 edits, 1 action, 0 duplicates.');
  });
});
