import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm run demo', () => {
  it('runs the tour end to end and exits 0', async () => {
    const child = spawn(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'demo.ts')], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(output).toContain('alert-updated (changed: status)');
    expect(output).toContain('alert-updated (changed: occurrence)');
    expect(output).toContain('sekoia_chatops_events_deduplicated_total 1');
    expect(output).toContain('4 notifications delivered.');
  });
});
