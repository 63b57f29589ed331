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
  it('tours the product in Mattermost and Teams end to end and exits 0 within 30 seconds', {
    timeout: 30_000,
  }, async () => {
    const { code, output, errors, ms } = await runDemo();
    expect(code, errors).toBe(0);
    expect(ms).toBeLessThan(30_000);

    expect(section(output, 'Starting')).toMatch(
      /fake Bot Connector http:\/\/127\.0\.0\.1:\d+ \(Teams team Security/,
    );

    const subscribed = section(output, '/sekoia subscribe alert-raised urgency>=high');
    expect(subscribed).toMatch(/Rule (\S+) created: alert-raised urgency>=high/);
    expect(subscribed).toMatch(/the bot's post in ~soc-alerts .*\n.*created rule \S+: alert-raised/);
    expect(section(output, '/sekoia rules')).toContain('1 rule in this channel');
    expect(section(output, 'urgncy>=high')).toContain('did you mean "urgency"?');

    // 10 past alerts over the week, 7 of them medium or above: 2, 1, 0, 2, 0, 1, 1 a day.
    const preview = section(output, 'alice previews a rule over the last 7 days');
    expect(preview).toContain('Preview of alert-raised urgency>=medium: 7 cards in the last 7 days');
    const bars = [...preview.matchAll(/\w{3} \d{4}-\d{2}-\d{2} █* ?(\d+)$/gm)].map((m) => Number(m[1]));
    expect(bars).toEqual([2, 1, 0, 2, 0, 1, 1]);
    expect(preview).toContain('Top entities: Lyon HQ (5), Paris DC (2)');

    const inTeams = section(output, 'installed in the Teams team Security');
    expect(inTeams).toContain('conversationUpdate → 200, installationUpdate → 200');
    expect(inTeams).toContain(
      'Ana Analyst in Security › soc-alerts: @Sekoia subscribe alert-raised urgency>=high',
    );
    const teamsRule = /reply in Ana's thread .*\n.*Rule (\w+) created: alert-raised urgency>=high/.exec(
      inTeams,
    )?.[1];
    expect(teamsRule, inTeams).toBeDefined();
    expect(inTeams).toMatch(/unsubscribe \w+/);
    expect(inTeams).toContain(`@Ana Analyst created rule ${teamsRule}: alert-raised urgency>=high`);
    expect(inTeams).not.toMatch(/[\\\u2060]/);

    const posted = section(output, 'raises a high alert and a low alert');
    const shortId = /high: (AL\w+) \(urgency 90\)/.exec(posted)?.[1] ?? '(none)';
    const [mattermostCard, teamsCard] = posted.split('in Teams got the same alert as an Adaptive Card:');
    expect(mattermostCard).toContain(`title: ${shortId} · Mimikatz credential dumping on WS-114`);
    expect(mattermostCard).toContain('colour: red/high');
    expect(mattermostCard).toContain('Status: Pending');
    expect(mattermostCard).toMatch(/Assets: WS\\?-114 \(criticality 70\)/);
    expect(mattermostCard).toContain(
      'buttons: [Acknowledge] [Validate] [Reject] [Comment] [Change urgency] [Mute rule 1h]',
    );
    expect(teamsCard).toMatch(/Teams card · activity \d+/);
    expect(teamsCard).toContain('colour: red (style attention)');
    expect(teamsCard).toContain(`title: ${shortId} · Mimikatz credential dumping on WS-114`);
    expect(teamsCard).toContain('Status: Pending');
    expect(teamsCard).toContain('Occurrences: 3');
    expect(teamsCard).toContain(`Matched rule: ${teamsRule}`);
    expect(teamsCard).toMatch(
      new RegExp(
        // Six actions at most: what does not fit goes under More….
        String.raw`buttons: \[Acknowledge\] \[Validate\] \[Reject\] \[Comment\] \[More…\] ` +
          String.raw`\[Open in Sekoia\.io <http://127\.0\.0\.1:\d+/operations/alerts/${shortId}>\]`,
      ),
    );
    expect(posted).toMatch(/low alert AL\w+ matched no rule: nothing was posted for it, in either channel/);
    expect(posted).not.toMatch(/[\\\u2060]/);

    const occurrences = section(output, 'new occurrences');
    expect(occurrences).toMatch(/Same post \w+ edited: Occurrences 3 → 7/);
    expect(occurrences).toMatch(/Same Teams card \d+ edited too: Occurrences 3 → 7/);

    const clicked = section(output, 'alice clicks Acknowledge');
    expect(clicked).toMatch(/acknowledged in Sekoia\.io/);
    expect(clicked).toMatch(/PATCH \/v1\/sic\/alerts\/[\w-]+\/workflow/);
    expect(clicked).toContain('"comment":"Acknowledged from Mattermost by @alice"');
    const after = section(clicked, 'The card after the click:');
    expect(after).toContain('Status: Acknowledged');
    expect(after).toContain('Acknowledged by alice from Mattermost');
    expect(after).toContain('buttons: [Validate] [Reject] [Comment] [Change urgency] [Mute rule 1h]');
    expect(after).toMatch(/thread reply .*\n.*Pending → Acknowledged by alice/);
    const teamsId = /Teams card · activity (\d+)/.exec(posted)?.[1];
    expect(teamsId, posted).toBeDefined();
    const teamsAfter = section(clicked, 'The Teams card of the same alert');
    expect(teamsAfter).toContain(`edited in place (same activity ${teamsId})`);
    expect(teamsAfter).toContain(`Teams card · activity ${teamsId}`);
    expect(teamsAfter).toContain(`title: ${shortId} · Mimikatz credential dumping on WS-114`);
    expect(teamsAfter).toContain('Status: Acknowledged');
    expect(teamsAfter).toContain('Occurrences: 7');
    expect(teamsAfter).toContain('Acknowledged by alice from Mattermost');
    expect(teamsAfter).toContain(
      'buttons: [Validate] [Reject] [Comment] [Change urgency] [More…] [Open in Sekoia.io',
    );
    expect(teamsAfter).toMatch(
      new RegExp(
        String.raw`Teams thread reply .*\n.*Status of ${shortId}: Pending → Acknowledged by alice \(Mattermost\)`,
      ),
    );

    const excluded = section(output, 'asks "Why this card?"');
    expect(excluded).toMatch(/urgency>=high ← 92 \(high\)/);
    expect(excluded).toMatch(/alice excluded entity Nantes Branch from rule \w+/);
    expect(excluded).toMatch(/posts alerts of entity Nantes Branch here again/);

    const retried = section(output, 'the same WebHook arrives twice');
    expect(retried.match(/→ 202/g)).toHaveLength(2);
    expect(retried).toContain('sekoia_chatops_events_deduplicated_total 1');
    expect(retried).toContain('Still 1 card in ~soc-alerts, and 1 in Teams');

    expect(output).toMatch(/POST \/mattermost\/actions → 200 .*not valid here/);

    const validated = section(output, 'Ana clicks Validate on the Teams card');
    expect(validated).toContain('adaptiveCard/action invoke → 200');
    expect(validated).toMatch(/PATCH \/v1\/sic\/alerts\/[\w-]+\/workflow/);
    expect(validated).toContain('"comment":"Validated from Microsoft Teams by @Ana Analyst"');
    const [teamsFollows, mattermostFollows] = validated.split('In Mattermost (same post');
    expect(teamsFollows).toContain(`Teams card · activity ${teamsId}`);
    expect(teamsFollows).toContain('Status: Ongoing');
    expect(teamsFollows).toContain('Validated by Ana Analyst from Microsoft Teams');
    expect(teamsFollows).toMatch(
      /Teams thread reply .*\n.*Acknowledged → Ongoing by Ana Analyst \(Microsoft Teams\)/,
    );
    expect(mattermostFollows).toContain('Status: Ongoing');
    expect(mattermostFollows).toContain('Validated by Ana Analyst from Microsoft Teams');
    expect(mattermostFollows).toMatch(
      /thread reply .*\n.*Acknowledged → Ongoing by Ana Analyst \(Microsoft Teams\)/,
    );

    const reminded = section(output, 'alice adds a rule that reminds');
    expect(reminded).toMatch(/Rule \w+ created: alert-raised urgency>=medium --notify @oncall --remind 15m/);
    expect(reminded).toContain('reminds after 15m, escalates to @secops-leads after 30m');
    const remindedId = /Sekoia\.io raises (AL\w+) \(urgency 60\)/.exec(reminded)?.[1];
    expect(remindedId, reminded).toBeDefined();
    expect(reminded).toContain(`title: ${remindedId} · Suspicious PowerShell download on SRV-DB-2`);
    expect(reminded).toContain('Status: Pending');
    expect(section(output, 'Nobody acknowledges it: 15 minutes pass')).toMatch(
      new RegExp(`thread reply .*\\n.*⏰ ${remindedId} still unacknowledged after 15m — @oncall\\n`),
    );
    expect(section(output, 'Still nobody, 15 minutes later')).toMatch(
      new RegExp(
        `thread reply .*\\n.*🚨 Escalation: ${remindedId} unacknowledged after 30m — @secops-leads\\n`,
      ),
    );

    expect(output).toContain(
      'Demo finished: 5 cards posted (Mattermost 3, Teams 2), 6 edits (Mattermost 3, Teams 3), 2 actions, 0 duplicates.',
    );
  });
});
