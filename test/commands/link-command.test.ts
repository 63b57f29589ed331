import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY_NOT_HERE, LINKING_OFF } from '../../src/commands/link-command.ts';
import { type Harness, startHarness } from './command-harness.ts';

/** Without IDENTITY_ENCRYPTION_KEY, `link` says that linking is off and how to turn it on. */
describe('link and unlink with linking off', () => {
  let bot: Harness;
  beforeEach(async () => {
    bot = await startHarness();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('explains how the administrator turns linking on', async () => {
    for (const line of ['link', 'link status', 'unlink']) {
      const { replies } = await bot.run(line);
      expect(replies).toEqual([{ kind: 'info', text: LINKING_OFF }]);
    }
    expect(LINKING_OFF).toMatch(/IDENTITY_ENCRYPTION_KEY/);
  });

  it('refuses a key typed after link without repeating it, and says to revoke it', async () => {
    const { replies } = await bot.run('link my-secret-key');
    expect(replies).toEqual([{ kind: 'error', text: KEY_NOT_HERE, code: ['link'] }]);
    expect(JSON.stringify(replies)).not.toContain('my-secret-key');
    expect(KEY_NOT_HERE).toMatch(/revoke it/);
    expect(bot.captured.lines.join('\n')).not.toContain('my-secret-key');
  });
});
