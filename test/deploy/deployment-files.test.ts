import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/config-schema.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { readYamlSubset, type YamlValue } from './read-yaml-subset.ts';

// No container engine runs here: these are the checks that hold without one.
const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

type Node = { [key: string]: YamlValue };
const compose = readYamlSubset(read('compose.yaml')) as Node;
const services = compose.services as { [name: string]: Node };
const bots = Object.entries(services).filter(([, service]) => service.build === '.');
const DATA_DIR = '/app/data';
const packageJson = JSON.parse(read('package.json')) as {
  scripts: { start: string; build: string };
  engines: { node: string };
};

/** Dockerfile instructions, continuation lines joined, comments dropped. */
function dockerInstructions(): { op: string; args: string }[] {
  return read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
    .map((line) => {
      const [op = '', ...rest] = line.trim().split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}
const instructions = dockerInstructions();
const argsOf = (op: string) => instructions.filter((i) => i.op === op).map((i) => i.args);
const words = (command: string) => command.trim().split(/\s+/);

describe('compose.yaml', () => {
  it('is YAML, and PyYAML (where installed) reads it the same way', () => {
    expect(compose.name).toBe('sekoia-chatops');
    const python = spawnSync('python3', ['-c', PYYAML_AS_TEXT, join(ROOT, 'compose.yaml')], {
      encoding: 'utf8',
    });
    if (python.status !== 0) return; // no python3 or no PyYAML: the subset reader's word stands
    expect(JSON.parse(python.stdout)).toEqual(compose);
  });

  it('runs three replicas of the image on shared Redis, each with its own data volume', () => {
    expect(bots.map(([name]) => name)).toEqual(['bot-1', 'bot-2', 'bot-3']);
    const volumes = bots.map(([, bot]) => {
      expect(bot.environment).toMatchObject({ STORE_URL: 'redis://redis:6379' });
      expect(bot.depends_on).toMatchObject({ redis: { condition: 'service_healthy' } });
      const [volume] = bot.volumes as string[];
      expect(volume?.endsWith(`:${DATA_DIR}`)).toBe(true);
      return volume?.split(':')[0];
    });
    expect(new Set(volumes).size).toBe(3);
    expect(Object.keys(compose.volumes as Node)).toEqual(expect.arrayContaining(volumes));
  });

  it('keeps Redis on disk with AOF', () => {
    const command = ((services.redis?.command ?? []) as string[]).join(' ');
    expect(command).toContain('--appendonly yes');
    expect(command).toContain('--appendfsync everysec');
    expect(services.redis?.volumes).toEqual(['redis-data:/data']);
  });

  it('sets only variables the bot knows, with values it accepts, with the example .env', () => {
    const known = Object.keys(configSchema.shape);
    const example = read('deploy/bot.env.example');
    const named = [...example.matchAll(/^#? ?([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(5);
    for (const [, bot] of bots) {
      const environment = bot.environment as { [name: string]: string };
      expect(known).toEqual(expect.arrayContaining([...Object.keys(environment), ...named]));
      const config = loadConfig({ ...parseEnv(example), ...environment });
      expect(config.PORT).toBe(3978);
    }
  });
});

describe('the load balancer (deploy/haproxy.cfg)', () => {
  const config = read('deploy/haproxy.cfg');
  const lb = services['load-balancer'] as Node;

  it('sends requests round-robin to the three replicas on the port they listen on', () => {
    const servers = [...config.matchAll(/^\s*server\s+\S+\s+([^:\s]+):(\d+)/gm)];
    expect(servers.map((m) => m[1])).toEqual(bots.map(([name]) => name));
    expect(new Set(servers.map((m) => Number(m[2])))).toEqual(new Set([3978]));
    expect(config).toMatch(/^\s*balance roundrobin$/m);
    expect(lb.volumes).toContain('./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro');
    expect(lb.ports).toEqual([`3978:${/^\s*bind :(\d+)$/m.exec(config)?.[1]}`]);
  });

  it('checks each replica on a route the bot serves', () => {
    const path = /^\s*option httpchk GET (\S+)$/m.exec(config)?.[1];
    expect(['/readyz', '/healthz']).toContain(path);
    expect(read('src/server/build-routes.ts')).toContain(`path: '${path}'`);
  });
});

describe('Dockerfile', () => {
  it('builds on the Node major that package.json asks for', () => {
    const image = /^NODE_IMAGE=(\S+)$/.exec(argsOf('ARG')[0] ?? '')?.[1] ?? '';
    expect(image).toMatch(/^node:24-/);
    expect(packageJson.engines.node).toBe('>=24 <25');
    expect(argsOf('FROM').every((from) => /^\$\{NODE_IMAGE\}( |$)/.test(from))).toBe(true);
  });

  it('installs with the command CI runs: every dependency to build, production ones to run', () => {
    const ci = /^npm ci( .*)?$/m.exec(read('.ci/run'))?.[0] ?? '';
    const installs = argsOf('RUN').filter((run) => run.startsWith('npm '));
    expect(installs.map((install) => new Set(words(install)))).toEqual([
      new Set([...words(ci), '--ignore-scripts']),
      new Set([...words(ci), '--omit=dev']),
    ]);
  });

  it('runs the JavaScript npm run build compiles, not the TypeScript sources', () => {
    expect(argsOf('RUN')).toContain(`node node_modules/typescript/bin/${packageJson.scripts.build}`);
    expect(argsOf('COPY')).toContain('--from=build /app/dist ./dist');
    expect(packageJson.scripts.start).toMatch(/ dist\/main\.js$/);
  });

  it('starts the way npm start does, as an unprivileged user, with a writable data volume', () => {
    const cmd = JSON.parse(argsOf('CMD').at(-1) ?? '[]') as string[];
    expect(cmd.join(' ')).toBe(packageJson.scripts.start);
    const users = instructions.filter((i) => i.op === 'USER');
    expect(users.at(-1)?.args).toMatch(/^(?!root$|0$)\S+$/);
    expect(instructions.findIndex((i) => i.op === 'USER')).toBeLessThan(
      instructions.findIndex((i) => i.op === 'CMD'),
    );
    expect(argsOf('WORKDIR').at(-1)).toBe('/app');
    expect(argsOf('VOLUME')).toEqual([`["${DATA_DIR}"]`]);
    expect(argsOf('RUN').some((run) => run.includes(`chown node:node ${DATA_DIR}`))).toBe(true);
    expect(argsOf('EXPOSE')).toEqual([String(configSchema.parse({}).PORT)]);
  });

  it('checks its health on /healthz with node itself (slim images have no curl)', () => {
    const [check] = argsOf('HEALTHCHECK');
    expect(check).toMatch(/CMD \["node", "-e", ".*\/healthz.*"\]$/);
    expect(check).not.toContain('curl');
  });

  it('leaves local state, secrets and dev files out of the build context, but not what it copies', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    expect(ignored).toEqual(
      expect.arrayContaining(['node_modules', 'data', '.env', '.git', 'dist', 'coverage']),
    );
    const copied = argsOf('COPY')
      .filter((copy) => !copy.startsWith('--from'))
      .flatMap((copy) => words(copy).slice(0, -1));
    expect(new Set(copied)).toEqual(
      new Set(['package.json', 'package-lock.json', '.npmrc', 'tsconfig.json', 'tsconfig.build.json', 'src']),
    );
    for (const path of copied) expect(ignored).not.toContain(path);
  });
});

/** PyYAML's reading, with scalars as text (the subset reader keeps them as text). */
const PYYAML_AS_TEXT = `
import json, sys, yaml
def text(v):
    if isinstance(v, dict): return {k: text(x) for k, x in v.items()}
    if isinstance(v, list): return [text(x) for x in v]
    if v is None: return None
    if isinstance(v, bool): return 'true' if v else 'false'
    return str(v)
print(json.dumps(text(yaml.safe_load(open(sys.argv[1])))))
`;
