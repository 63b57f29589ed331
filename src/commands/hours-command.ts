import type { HoursView } from '../delivery/create-hold-panel.ts';
import { describeLocalTime, describeWorkingHours } from '../delivery/describe-working-hours.ts';
import type { WorkingHours } from '../delivery/working-hours.ts';
import { formatTime } from '../format-time.ts';
import { quoted, usageError } from '../rules/usage-error.ts';
import type { Command } from './command.ts';
import { readWords } from './read-words.ts';
import { readWorkingHours } from './read-working-hours.ts';
import { info, success } from './reply-helpers.ts';

export const hoursCommand: Command = {
  name: 'hours',
  usage: 'hours [<days> <HH:MM>-<HH:MM> <timezone> [--hold-below high|medium] | off]',
  summary: "this channel's working hours: outside them, less urgent alerts wait for one summary",
  examples: [
    'hours',
    'hours mon-fri 08:00-19:00 Europe/Paris',
    'hours daily 22:00-06:00 UTC --hold-below medium',
    'hours off',
  ],
  // Showing the hours only reads; setting them changes what the channel gets.
  needs: (args) => (args.trim() === '' ? undefined : 'act'),
  async run(ctx, args, services) {
    const names = ['days like mon-fri', 'hours like 08:00-19:00', 'a time zone like Europe/Paris'];
    const words = readWords(args, { command: 'hours', min: 0, max: 6, names });
    const [first] = words;
    if (first === undefined) {
      const view = await services.holds.hours(ctx.channel);
      return ctx.reply(info('Working hours', { lines: describe(view) }));
    }
    if (first.toLowerCase() === 'off') {
      const extra = words[1];
      if (extra !== undefined) throw usageError(`hours off does not take ${quoted(extra)}`, { token: extra });
      const before = await services.holds.hours(ctx.channel);
      await services.holds.setHours(ctx.channel, undefined);
      const released =
        before.held > 0
          ? ` The ${before.held} held alert${before.held === 1 ? ' is' : 's are'} summarized now.`
          : '';
      await ctx.reply(
        success(`Working hours off in this channel: every alert is posted at once.${released}`),
      );
      return ctx.announce(info(`@${ctx.user.name} turned working hours off in this channel`));
    }
    const hours = readWorkingHours(words);
    await services.holds.setHours(ctx.channel, hours);
    const text = settingText(hours);
    await ctx.reply(
      success(
        `Working hours set: ${text}. Outside them, these alerts are held and summarized at the opening.`,
      ),
    );
    await ctx.announce(info(`@${ctx.user.name} set this channel's working hours to ${text}`));
  },
};

const settingText = (hours: WorkingHours) =>
  `${describeWorkingHours(hours)}, alerts under ${hours.holdBelow} urgency held outside them`;

function describe(view: HoursView): string[] {
  if (view.hours === undefined) return ['Hours: not set — every alert is posted at once'];
  const now = view.inHours
    ? 'Now: in working hours — alerts are posted at once'
    : `Now: outside working hours — opens ${describeLocalTime(view.opensAt ?? 0, view.hours.timeZone)} (${formatTime(view.opensAt ?? 0)}); ${view.held} alert${view.held === 1 ? '' : 's'} held so far`;
  return [`Hours: ${settingText(view.hours)}`, 'Alerts of high urgency are always posted at once', now];
}
