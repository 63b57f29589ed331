import type { UrgencyLevel } from '../normalize/notification.ts';
import type { ChannelRef } from '../rules/rule.ts';
import type { RollupState } from './rollup-state.ts';
import { budgetInForce, type StormBudget, type StormDefaults, type StormSetting } from './storm-policy.ts';
import { type StormStore, stormChannelKey } from './storm-store.ts';

/** A roll-up as `storm` and `status` show it. */
export interface RollupView {
  channel: ChannelRef;
  alerts: number;
  since: number;
  byLevel: RollupState['byLevel'];
}

/** A channel's storm settings and state, for the `storm` command. */
export interface StormView {
  /** Where the budget comes from: the channel's own `storm budget`, the configured default, or `storm off`. */
  source: 'channel' | 'default' | 'off';
  budget: StormBudget | null;
  ownCardAt: UrgencyLevel;
  /** The open roll-up when the channel is in storm mode. */
  rollup: RollupView | null;
}

/** What the commands and `status` see of storms (the composition root builds it on the storm store). */
export interface StormPanel {
  view(channel: ChannelRef): Promise<StormView>;
  /** A budget of the channel's own, `{ off: true }`, or undefined to go back to the default. */
  set(channel: ChannelRef, setting: StormSetting | undefined): Promise<void>;
  /** The channels in storm mode, with their roll-ups. */
  inProgress(): Promise<RollupView[]>;
}

export function createStormPanel(options: { store: StormStore; defaults: StormDefaults }): StormPanel {
  const { store, defaults } = options;
  const inProgress = async (): Promise<RollupView[]> => {
    const open = await store.openStorms();
    const states = await Promise.all(open.map((storm) => store.storm(storm.channel, storm.stormId)));
    return states
      .filter((state): state is RollupState => state !== undefined && state.closedAt === null)
      .map((state) => ({
        channel: state.channel,
        alerts: state.total,
        since: state.openedAt,
        byLevel: state.byLevel,
      }));
  };
  return {
    async view(channel) {
      const [setting, storms] = await Promise.all([store.setting(channel), inProgress()]);
      const key = stormChannelKey(channel);
      return {
        source: setting === undefined ? 'default' : 'off' in setting ? 'off' : 'channel',
        budget: budgetInForce(setting, defaults),
        ownCardAt: defaults.ownCardAt,
        rollup: storms.find((storm) => stormChannelKey(storm.channel) === key) ?? null,
      };
    },
    set: (channel, setting) => store.setSetting(channel, setting),
    inProgress,
  };
}
