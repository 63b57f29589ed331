import { describe, expect, it } from 'vitest';

describe('runtime', () => {
  it('runs on the Node.js 24 LTS that the project pins, whatever the machine has', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });

  it('has the built-in SQLite module the embedded store needs', async () => {
    const sqlite = await import('node:sqlite');
    const db = new sqlite.DatabaseSync(':memory:');
    expect(db.prepare('SELECT sqlite_version() AS v').get()).toHaveProperty('v');
    db.close();
  });
});
