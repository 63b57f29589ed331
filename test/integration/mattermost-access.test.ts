import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';

/**
 * Issue 14 point 1, on Mattermost through the fake server: who may use the card buttons and the
 * commands that change things. Roles come from the REST API (reference §6.4): `system_guest`,
 * `scheme_admin` on the channel or team member, `system_admin`.
 */
describe('who may act on Mattermost', () => {
  let world: MattermostWorld;
  let users: Record<'guest' | 'member' | 'channelAdmin' | 'teamAdmin' | 'systemAdmin', string>;

  beforeEach(async () => {
    world = await startMattermostWorld();
    const { mattermost, channelId } = world;
    const add = (username: string, roles?: string) =>
      mattermost.addUser({ username, ...(roles ? { roles } : {}) }).id;
    users = {
      guest: add('gina', 'system_guest'),
      member: add('mel'),
      channelAdmin: add('cara'),
      teamAdmin: add('tom'),
      systemAdmin: add('sam', 'system_user system_admin'),
    };
    mattermost.addMember(channelId, users.guest);
    mattermost.addMember(channelId, users.member);
    mattermost.addMember(channelId, users.channelAdmin, { admin: true });
    mattermost.addMember(channelId, users.teamAdmin);
    mattermost.addMember(channelId, users.systemAdmin);
    mattermost.setTeamAdmin('team1', users.teamAdmin);
  });
  afterEach(async () => {
    await world.close();
  });

  const commandAs = async (userId: string, text: string) => {
    const result = await world.mattermost.sendSlashCommand({
      url: `${world.bot.url}/mattermost/command`,
      channelId: world.channelId,
      userId,
      text,
    });
    // The answer is Markdown: escapes (and the joiners that keep @names from pinging) dropped.
    return String(result.response?.text ?? result.error ?? '').replace(/[\\\u2060\u200b]/g, '');
  };
  const postedCard = async () => {
    await world.command('subscribe alert-raised urgency>=high');
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(90) });
    await expect.poll(() => JSON.stringify(world.cardOf(alert.uuid)?.props ?? {})).toContain('"acknowledge"');
    return { alert, postId: world.cardOf(alert.uuid)?.id ?? '' };
  };
  const changes = () => world.sekoia.requests.filter((r) => r.method !== 'GET');
  const click = (postId: string, actionId: string, userId: string) =>
    world.mattermost.clickButton({ postId, actionId, userId });

  it('refuses a guest’s click and sends nothing to Sekoia.io; a member still acts by default', async () => {
    const { alert, postId } = await postedCard();
    const before = JSON.stringify(world.mattermost.getPost(postId)?.props);
    for (const actionId of ['acknowledge', 'comment', 'urgency', 'mute1h']) {
      const refused = await click(postId, actionId, users.guest);
      expect(refused, actionId).toMatchObject({ status: 200, ephemeralText: 'Guests cannot act on alerts.' });
    }
    expect(world.mattermost.dialogs()).toEqual([]);
    expect(changes()).toEqual([]);
    expect(JSON.stringify(world.mattermost.getPost(postId)?.props)).toBe(before);
    expect(await world.command('rules')).not.toContain('muted until');

    const accepted = await click(postId, 'acknowledge', users.member);
    expect(accepted.ephemeralText).toMatch(/acknowledged in Sekoia\.io/);
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
  });

  it('refuses a guest’s subscribe, and leaves rules and help open to them', async () => {
    expect(await commandAs(users.guest, 'subscribe alert-raised')).toContain(
      "Guests cannot change this channel's rules and settings.",
    );
    expect(await commandAs(users.guest, 'rules')).toContain('No rules in this channel yet.');
    expect(await commandAs(users.member, 'subscribe alert-raised')).toMatch(/Rule \w+ created/);
  });

  it('with access admins, refuses a member’s click and subscribe, and accepts channel and team admins', async () => {
    const { alert, postId } = await postedCard();
    expect(await commandAs(users.member, 'access admins')).toContain(
      'Only channel admins can change who may act in this channel.',
    );
    expect(await commandAs(users.channelAdmin, 'access admins')).toContain('Access set to admins');
    // Announced for the whole channel (the name is kept from pinging: compared without the markup).
    const announced = world.mattermost
      .posts(world.channelId)
      .map((post) => post.message.replace(/[\\\u2060\u200b]/g, ''));
    expect(announced).toContainEqual(
      expect.stringContaining('cara set who may act in this channel to admins'),
    );

    const refused = await click(postId, 'acknowledge', users.member);
    expect(refused.ephemeralText).toBe(
      'Only channel admins can act on alerts in this channel (access: admins).',
    );
    expect(await commandAs(users.member, 'subscribe alert-raised')).toContain(
      "Only channel admins can change this channel's rules and settings (access: admins).",
    );
    expect(changes()).toEqual([]);

    expect((await click(postId, 'acknowledge', users.teamAdmin)).ephemeralText).toMatch(/acknowledged/);
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
    expect(await commandAs(users.channelAdmin, 'subscribe alert-raised')).toMatch(/Rule \w+ created/);
    expect(await commandAs(users.member, 'access')).toContain('Access in this channel: admins');
    expect(await commandAs(users.systemAdmin, 'access everyone')).toContain('Access set to everyone');
    expect(await commandAs(users.member, 'subscribe alert-raised')).toMatch(/Rule \w+ created/);
  });

  describe('access groups (Mattermost user groups)', () => {
    let nina: string;
    beforeEach(() => {
      const { mattermost, channelId } = world;
      nina = mattermost.addUser({ username: 'nina' }).id;
      mattermost.addMember(channelId, nina);
      mattermost.addGroup({ name: 'secops', displayName: 'SecOps', members: [users.member, users.guest] });
      mattermost.addGroup({ name: 'soc-leads', source: 'ldap', members: [] });
    });

    it('lets members of the named groups and admins act; refuses others, and guests in a group, leaving the card as it was', async () => {
      const { alert, postId } = await postedCard();
      expect(await commandAs(users.member, 'access groups @secops')).toContain(
        'Only channel admins can change who may act in this channel.',
      );
      expect(await commandAs(users.channelAdmin, 'access groups @secops,@soc-leads')).toContain(
        'Access set to groups: members of @secops, @soc-leads and channel admins',
      );
      const announced = world.mattermost
        .posts(world.channelId)
        .map((post) => post.message.replace(/[\\\u2060\u200b]/g, ''));
      expect(announced).toContainEqual(
        expect.stringContaining(
          'cara set who may act in this channel to groups: members of @secops, @soc-leads',
        ),
      );
      expect(await commandAs(nina, 'access')).toContain(
        'Access in this channel: groups @secops, @soc-leads (set by @cara',
      );

      const before = JSON.stringify(world.mattermost.getPost(postId)?.props);
      const refused = await click(postId, 'acknowledge', nina);
      expect(refused.ephemeralText).toBe(
        'Only members of @secops, @soc-leads and channel admins may act here (access: groups).',
      );
      expect((await click(postId, 'acknowledge', users.guest)).ephemeralText).toBe(
        'Guests cannot act on alerts.',
      );
      expect(changes()).toEqual([]);
      expect(JSON.stringify(world.mattermost.getPost(postId)?.props)).toBe(before);
      expect(await commandAs(nina, 'subscribe alert-raised')).toContain(
        "Only members of @secops, @soc-leads and channel admins can change this channel's rules and settings (access: groups).",
      );

      const accepted = await click(postId, 'acknowledge', users.member);
      expect(accepted.ephemeralText).toMatch(/acknowledged in Sekoia\.io/);
      expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
      expect(await commandAs(users.member, 'subscribe alert-raised')).toMatch(/Rule \w+ created/);
    });

    it('refuses a group Mattermost does not know, naming the closest one, and changes nothing', async () => {
      const answer = await commandAs(users.channelAdmin, 'access groups @secops,@socleads');
      expect(answer).toContain('no group @socleads is known here — did you mean @soc-leads?');
      expect(await commandAs(users.member, 'access')).toContain('Access in this channel: everyone');
    });

    it('on a server without a licence, refuses to set the level and refuses clicks with the reason', async () => {
      const { postId } = await postedCard();
      world.mattermost.setLicensed(false);
      const answer = await commandAs(users.channelAdmin, 'access groups @secops');
      expect(answer).toContain('This Mattermost server has no user groups (it answered 501');
      expect(await commandAs(users.member, 'access')).toContain('Access in this channel: everyone');

      // Set while licensed, then the licence went: fail closed, and say why.
      world.mattermost.setLicensed(true);
      expect(await commandAs(users.channelAdmin, 'access groups @secops')).toContain('Access set to groups');
      world.mattermost.setLicensed(false);
      const refused = await click(postId, 'acknowledge', users.member);
      expect(refused.ephemeralText).toMatch(
        /^Only members of @secops and channel admins may act here, and the bot cannot read who is in a group on this server/,
      );
      expect(changes()).toEqual([]);
      expect((await click(postId, 'acknowledge', users.channelAdmin)).ephemeralText).toMatch(/acknowledged/);
    });
  });

  it('refuses, with a word to try again, when Mattermost cannot say who the clicker is', async () => {
    const { postId } = await postedCard();
    world.mattermost.setDown(true);
    const refused = await click(postId, 'acknowledge', users.member);
    world.mattermost.setDown(false);
    expect(refused.ephemeralText).toMatch(
      /^Could not check your role in this channel .*Try again in a moment\.$/,
    );
    expect(changes()).toEqual([]);
  });
});
