import { describe, expect, it } from 'vitest';
import { renderRollupPost } from '../../../src/platforms/mattermost/render-rollup-post.ts';
import { hostileAlert, rollupCard } from '../rollup-fixtures.ts';
import { strings } from '../teams/teams-card-fixtures.ts';

const J = '\u2060';
const HOSTILE = '@all [x](http://evil) <b> @channel ~town-square ![i](http://evil/i.png) <http://evil>';

describe('renderRollupPost', () => {
  it('shows the counts as fields and the alerts as lines linking to Sekoia.io, keyed as a roll-up', () => {
    const body = renderRollupPost(rollupCard(7));
    const out = body.props.attachments[0];
    expect(body.props.sekoia_rollup).toBe(String(Date.UTC(2026, 2, 2, 14, 2)));
    expect(body.props).not.toHaveProperty('sekoia_alert_uuid');
    expect(out.title.replaceAll(J, '')).toBe('Alert storm: 7 alerts since 14:02 UTC');
    expect(out.fields.map((f) => f.title)).toEqual(['By urgency', 'By rule', 'By entity']);
    expect(out.text).toContain('**Most urgent**');
    expect(out.text).toContain(
      '- [AL7](https://app.sekoia.io/operations/alerts/AL7) Alert number 7 — low 17 · Pending',
    );
    expect(out.color).toBe('#F5A623');
    expect(renderRollupPost(rollupCard(7, undefined, { closed: true })).props.attachments[0].color).toBe(
      '#2E9E5B',
    );
  });

  it('leaves no live mention, link or tag in any string, and links only http(s)', () => {
    const body = renderRollupPost(
      rollupCard(6, (alert) => ({ ...hostileAlert(alert, HOSTILE), link: 'javascript:alert(1)' })),
    );
    const all = strings(body);
    for (const [path, value] of all) {
      for (const live of [
        /@all/,
        /@channel/,
        /~town/,
        /\]\(http/,
        /\]\(javascript/,
        /<b>/,
        /(?<!\\)<http/,
        /http:\/\//,
      ]) {
        expect(live.test(value), `${path} holds ${live}: ${value}`).toBe(false);
      }
    }
  });

  it('stays small however long the storm and however long the names', () => {
    const body = renderRollupPost(
      rollupCard(2_000, (alert, n) => hostileAlert(alert, `${n} ${HOSTILE.repeat(50)}`)),
    );
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(16_000);
  });
});
