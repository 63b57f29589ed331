import type { DigestView } from '../delivery/create-digest-panel.ts';
import { describeLocalTime } from '../delivery/describe-working-hours.ts';
import { describeDigestTime } from '../delivery/digest-setting.ts';
import { isTimeZone } from '../delivery/working-hours.ts';
import { formatTime } from '../format-time.ts';
import { quoted, usageError } from '../rules/usage-error.ts';
import type { Command } from './command.ts';
import { readWords } from './read-words.ts';
import { info, success } from './reply-helpers.ts';

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

export const digestCommand: Command = {
  name: 'digest',
  usage: 'digest [daily <HH:MM> [<timezone>] | off]',
  summary: "once a day, one card summing up this channel's last 24 hours of alerts",
  examples: ['digest', 'digest daily 09:00 Europe/Paris', 'digest daily 08:30', 'digest off'],
  // Showing the digest only reads; setting it changes what the channel gets.
  needs: (args) => (args.trim() === '' ? undefined : 'act'),
  async run(ctx, args, services) {
    const names = ['daily', 'a time like 09:00'];
    const words = readWords(args, { command: 'digest', min: 0, max: 3, names });
    const [first, time, zone] = words;
    if (first === undefined) {
      const view = await services.digests.view(ctx.channel);
      return ctx.reply(info('Daily digest', { lines: describe(view) }));
    }
    if (first.toLowerCase() === 'off') {
      if (time !== undefined) throw usageError(`digest off does not take ${quoted(time)}`, { token: time });
      await services.digests.set(ctx.channel, undefined);
      await ctx.reply(success('Daily digest off in this channel.'));
      return ctx.announce(info(`@${ctx.user.name} turned the daily digest off in this channel`));
    }
    if (first.toLowerCase() !== 'daily')
      throw usageError(`digest takes daily or off, got ${quoted(first)}`, { token: first });
    const view = await services.digests.set(ctx.channel, readDigestTime(time, zone));
    const when = describeDigestTime(view.setting ?? { minutes: 0, timeZone: 'UTC' });
    await ctx.reply(success(`Daily digest set: every day at ${when}. ${nextText(view)}.`));
    await ctx.announce(info(`@${ctx.user.name} set this channel's daily digest to ${when}`));
  },
};

/** `09:00` and an optional IANA zone (UTC when absent) → the digest's local time. */
export function readDigestTime(time: string | undefined, zone: string | undefined) {
  const match = time === undefined ? null : CLOCK.exec(time);
  if (time === undefined || match === null)
    throw usageError(
      `digest daily needs a time like 09:00 (24-hour clock)${time ? `, got ${quoted(time)}` : ''}`,
      {
        ...(time ? { token: time } : {}),
      },
    );
  const timeZone = zone ?? 'UTC';
  if (!isTimeZone(timeZone))
    throw usageError(`unknown time zone ${quoted(timeZone)}; use an IANA name like Europe/Paris or UTC`, {
      token: timeZone,
    });
  return { minutes: Number(match[1]) * 60 + Number(match[2]), timeZone };
}

const nextText = (view: DigestView) =>
  view.setting === undefined || view.nextAt === null
    ? 'Not scheduled'
    : `Next: ${describeLocalTime(view.nextAt, view.setting.timeZone)} (${formatTime(view.nextAt)})`;

function describe(view: DigestView): string[] {
  if (view.setting === undefined) return ['Digest: off — set it with digest daily 09:00 Europe/Paris'];
  return [
    `Digest: every day at ${describeDigestTime(view.setting)}, covering the 24 hours before`,
    nextText(view),
  ];
}
