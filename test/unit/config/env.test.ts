import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES, loadConfig } from '../../../src/config/env.js';
import { AppError } from '../../../src/errors.js';
import { makeAdminKey } from '../../support/keys.js';

const key = makeAdminKey();
const valid = {
  SLACK_BOT_TOKEN: 'xoxb-1',
  SLACK_SIGNING_SECRET: 'secret',
  AUTHGEAR_ENDPOINT: 'https://myapp.authgear.cloud/',
  AUTHGEAR_PROJECT_ID: 'myapp',
  AUTHGEAR_ADMIN_KEY_ID: 'kid-1',
  AUTHGEAR_ADMIN_PRIVATE_KEY: key.privateKeyPem,
};

const problemsOf = (env: Record<string, string | undefined>): string => {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('config.invalid');
    return (e as AppError).userMessage;
  }
  throw new Error('expected loadConfig to fail');
};

describe('loadConfig', () => {
  it('parses a complete environment with defaults and a normalised endpoint', () => {
    const c = loadConfig(valid);
    expect(c.authgear.endpoint).toBe('https://myapp.authgear.cloud');
    expect(c.port).toBe(3000);
    expect(c.redis).toEqual({ url: undefined, prefix: 'authgear-slack:', target: { kind: 'none' } });
    expect(c.healthPort).toBe(3000);
    expect(c.shutdownGraceMs).toBe(25_000);
    expect(c.policyFile).toBe('./policy.yaml');
    expect(c.slack.apiUrl).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  it.each([
    'https://myapp.authgear.cloud/_api/admin/graphql',
    'https://myapp.authgear.cloud/_api/admin/graphql/',
  ])('takes %s as the project URL the bot adds /_api/admin/graphql to', (endpoint) => {
    expect(loadConfig({ ...valid, AUTHGEAR_ENDPOINT: endpoint }).authgear.endpoint).toBe(
      'https://myapp.authgear.cloud',
    );
  });

  it("assumes Authgear's default login ID keys (email only) unless AUTHGEAR_LOGIN_ID_KEYS lists the project's", () => {
    expect(loadConfig(valid).authgear.project.loginIdKeys).toEqual(['email']);
    const listed = loadConfig({ ...valid, AUTHGEAR_LOGIN_ID_KEYS: ' Email, phone,username,phone ' });
    expect(listed.authgear.project.loginIdKeys).toEqual(['email', 'phone', 'username']);
  });

  it('refuses a login ID key Authgear has no type for', () => {
    expect(problemsOf({ ...valid, AUTHGEAR_LOGIN_ID_KEYS: 'email,fax' })).toContain('AUTHGEAR_LOGIN_ID_KEYS');
    expect(problemsOf({ ...valid, AUTHGEAR_LOGIN_ID_KEYS: ' , ' })).toContain('AUTHGEAR_LOGIN_ID_KEYS');
  });

  it('lists every missing variable in one message', () => {
    const message = problemsOf({});
    for (const name of [
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'AUTHGEAR_ENDPOINT',
      'AUTHGEAR_PROJECT_ID',
      'AUTHGEAR_ADMIN_KEY_ID',
      'AUTHGEAR_ADMIN_PRIVATE_KEY',
    ]) {
      expect(message).toContain(name);
    }
  });

  it('accepts Socket Mode without a signing secret', () => {
    const { SLACK_SIGNING_SECRET: _omit, ...rest } = valid;
    expect(loadConfig({ ...rest, SLACK_APP_TOKEN: 'xapp-1' }).slack.appToken).toBe('xapp-1');
  });

  it('catches swapped Slack tokens, saying which token goes where', () => {
    const message = problemsOf({
      ...valid,
      SLACK_BOT_TOKEN: 'xapp-1-A0-1-abc',
      SLACK_APP_TOKEN: 'xoxb-1-2-abc',
    });
    expect(message).toContain(
      'SLACK_BOT_TOKEN holds an app-level token (xapp-…): it takes the Bot User OAuth Token (xoxb-…)',
    );
    expect(message).toContain(
      'SLACK_APP_TOKEN holds a bot token (xoxb-…): it takes the app-level token (xapp-…, with connections:write)',
    );
    expect(message).toContain('the two look swapped');
    expect(message).not.toContain('abc');
  });

  it.each([
    [
      'SLACK_BOT_TOKEN',
      { SLACK_BOT_TOKEN: 'my-bot-token' },
      'SLACK_BOT_TOKEN must be a bot token starting xoxb-',
    ],
    [
      'SLACK_APP_TOKEN',
      { SLACK_APP_TOKEN: 'A0SOCKET' },
      'SLACK_APP_TOKEN must be an app-level token starting xapp-',
    ],
  ])('refuses a %s of the wrong form', (_name, env, said) => {
    expect(problemsOf({ ...valid, ...env })).toContain(said);
  });

  it('refuses both AUTHGEAR_ADMIN_PRIVATE_KEY and AUTHGEAR_ADMIN_PRIVATE_KEY_FILE, asking for one', () => {
    expect(problemsOf({ ...valid, AUTHGEAR_ADMIN_PRIVATE_KEY_FILE: './key.pem' })).toContain(
      'both AUTHGEAR_ADMIN_PRIVATE_KEY and AUTHGEAR_ADMIN_PRIVATE_KEY_FILE are set: set only one',
    );
  });

  it.each([
    ['a bad port', { PORT: 'eighty' }, 'PORT'],
    ['a bad endpoint', { AUTHGEAR_ENDPOINT: 'not a url' }, 'AUTHGEAR_ENDPOINT'],
    ['a bad log level', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['a key that is not PEM', { AUTHGEAR_ADMIN_PRIVATE_KEY: 'hello' }, 'PEM'],
    ['a bad health port', { HEALTH_PORT: '70000' }, 'HEALTH_PORT'],
    ['a negative grace period', { SHUTDOWN_GRACE_MS: '-1' }, 'SHUTDOWN_GRACE_MS'],
    ['a bad sentinel list', { REDIS_SENTINELS: 'a:1,nope', REDIS_SENTINEL_NAME: 'm' }, '"nope"'],
    ['sentinels without a master name', { REDIS_SENTINELS: 'a:26379' }, 'REDIS_SENTINEL_NAME'],
    ['a cluster node without a port', { REDIS_CLUSTER_NODES: '10.0.0.1' }, 'REDIS_CLUSTER_NODES'],
    ['a REDIS_TLS that is not a yes or no', { REDIS_URL: 'redis://r', REDIS_TLS: 'maybe' }, 'REDIS_TLS'],
    ['a Redis password without a Redis', { REDIS_PASSWORD: 'pw' }, 'REDIS_PASSWORD is set but no Redis is'],
    [
      'a sentinel password without sentinels',
      { REDIS_URL: 'redis://r', REDIS_SENTINEL_PASSWORD: 'pw' },
      'REDIS_SENTINEL_PASSWORD is for REDIS_SENTINELS',
    ],
    [
      'two Redis targets at once',
      { REDIS_URL: 'redis://r:6379', REDIS_CLUSTER_NODES: 'r:7000' },
      'set only one of REDIS_URL, REDIS_CLUSTER_NODES',
    ],
  ])('refuses %s', (_name, override, expected) => {
    expect(problemsOf({ ...valid, ...override })).toContain(expected);
  });

  it.each([
    [{ REDIS_URL: 'redis://r:6379/2' }, { kind: 'url', url: 'redis://r:6379/2' }],
    [
      { REDIS_SENTINELS: 's1:26379, [::1]:26380', REDIS_SENTINEL_NAME: 'mymaster' },
      {
        kind: 'sentinel',
        name: 'mymaster',
        sentinels: [
          { host: 's1', port: 26379 },
          { host: '::1', port: 26380 },
        ],
      },
    ],
    [
      { REDIS_CLUSTER_NODES: 'c1:7000,c2:7001' },
      {
        kind: 'cluster',
        nodes: [
          { host: 'c1', port: 7000 },
          { host: 'c2', port: 7001 },
        ],
      },
    ],
  ])('reads the Redis target from %j', (override, target) => {
    expect(loadConfig({ ...valid, ...override }).redis.target).toEqual(target);
  });

  it.each([
    [{ REDIS_URL: 'redis://r', REDIS_PASSWORD: ' pw with spaces ' }, { password: ' pw with spaces ' }],
    [
      { REDIS_CLUSTER_NODES: 'c1:7000', REDIS_USERNAME: 'bot', REDIS_PASSWORD: 'pw', REDIS_TLS: 'true' },
      { username: 'bot', password: 'pw', tls: true },
    ],
    [
      {
        REDIS_SENTINELS: 's1:26379',
        REDIS_SENTINEL_NAME: 'm',
        REDIS_SENTINEL_PASSWORD: 'spw',
        REDIS_TLS: 'Yes',
      },
      { sentinelPassword: 'spw', tls: true },
    ],
    [{ REDIS_URL: 'redis://r', REDIS_TLS: 'false' }, undefined],
  ])('reads Redis credentials and TLS from %j', (override, auth) => {
    const target = loadConfig({ ...valid, ...override }).redis.target;
    expect(target.kind === 'none' ? 'none' : target.auth).toEqual(auth);
  });

  it.each([
    [
      'garbage',
      'REDIS_URL must be redis://host[:port][/db], rediss://… (TLS) or the absolute path of a Unix socket',
    ],
    ['localhost:6379', 'REDIS_URL must be redis://host[:port][/db]'],
    ['http://redis.internal:6379', 'REDIS_URL must be redis://host[:port][/db]'],
    ['unix:///run/redis.sock', 'REDIS_URL must be redis://host[:port][/db]'],
    ['redis://', 'REDIS_URL names no host'],
    ['redis://:secret@/0', 'REDIS_URL names no host'],
    ['rediss://', 'REDIS_URL names no host'],
    ['redis://bad host:6379', 'REDIS_URL must be redis://host[:port][/db]'],
    ['redis://-redis-:6379', 'REDIS_URL\'s host "-redis-" is not a host name or an IP address'],
    ['redis://a..b', 'REDIS_URL\'s host "a..b" is not a host name or an IP address'],
    ['redis://r:0', "REDIS_URL's port must be 1 to 65535"],
    ['redis://r:70000', 'REDIS_URL must be redis://host[:port][/db]'],
    ['redis://r:6379/db2', "REDIS_URL's database (after the host) must be a number such as /0"],
    ['run/redis.sock', 'REDIS_URL must be redis://host[:port][/db]'],
  ])('refuses REDIS_URL=%s at load, naming the variable', (value, expected) => {
    expect(problemsOf({ ...valid, REDIS_URL: value })).toContain(expected);
  });

  it('never repeats the password of a refused REDIS_URL', () => {
    const message = problemsOf({ ...valid, REDIS_URL: 'redis://bot:s3cr3t-pw@-bad-:6379' });
    expect(message).toContain('REDIS_URL');
    expect(message).not.toContain('s3cr3t-pw');
  });

  it.each([
    'redis://localhost:6379',
    'redis://127.0.0.1',
    'rediss://bot:pw@redis.example.com:6380/2',
    'redis://[::1]:6379/0',
    'redis://:pw@redis_primary:6379',
    'redis://redis.example.com.:6379',
    '/run/redis/redis.sock',
    '/tmp/redis.sock?db=2',
  ])('accepts REDIS_URL=%s (ioredis reads it)', (value) => {
    expect(loadConfig({ ...valid, REDIS_URL: value }).redis.url).toBe(value);
  });

  it.each([
    ['REDIS_SENTINELS', 's1:26379,-bad-:26379', '"-bad-:26379"'],
    ['REDIS_SENTINELS', 's1:26379,,s2:26379', 'bad: ""'],
    ['REDIS_CLUSTER_NODES', 'c1:7000,a..b:7001', '"a..b:7001"'],
    ['REDIS_CLUSTER_NODES', 'c1:0', '"c1:0"'],
    ['REDIS_CLUSTER_NODES', '[::g]:7000', '"[::g]:7000"'],
    ['REDIS_CLUSTER_NODES', '300.1.1.1:7000', '"300.1.1.1:7000"'],
    ['REDIS_CLUSTER_NODES', 'redis://c1:7000', '"redis://c1:7000"'],
  ])('refuses %s=%s, naming the bad entry', (name, value, bad) => {
    const message = problemsOf({ ...valid, [name]: value, REDIS_SENTINEL_NAME: 'm' });
    expect(message).toContain(`${name} must be host:port entries`);
    expect(message).toContain(bad);
  });

  it('serves health on PORT unless HEALTH_PORT is set, and reads the grace period', () => {
    const c = loadConfig({ ...valid, PORT: '8080', HEALTH_PORT: '9090', SHUTDOWN_GRACE_MS: '5000' });
    expect([c.port, c.healthPort, c.shutdownGraceMs]).toEqual([8080, 9090, 5000]);
    expect(loadConfig({ ...valid, PORT: '8080' }).healthPort).toBe(8080);
  });

  it('adds the trailing slash the Web API client expects to SLACK_API_URL', () => {
    expect(loadConfig({ ...valid, SLACK_API_URL: 'http://127.0.0.1:9/api' }).slack.apiUrl).toBe(
      'http://127.0.0.1:9/api/',
    );
  });

  it.each([
    ['AUTHGEAR_ENDPOINT', 'http://myapp.authgear.cloud'],
    ['AUTHGEAR_ENDPOINT', 'http://10.0.0.5:3000'],
    ['AUTHGEAR_ENDPOINT', 'ftp://myapp.authgear.cloud'],
    ['AUTHGEAR_ENDPOINT', 'http://localhost.evil.example'],
    ['SLACK_API_URL', 'http://slack.example.com/api'],
    ['SLACK_API_URL', 'http://127.0.0.1.nip.io/api'],
  ])('refuses %s=%s: only https, or http on a loopback host', (name, value) => {
    const message = problemsOf({ ...valid, [name]: value });
    expect(message).toContain(`${name} must use https://`);
    expect(message).toContain('127.0.0.1, ::1 or localhost');
  });

  it.each([
    'https://myapp.authgear.cloud',
    'http://127.0.0.1:4000',
    'http://[::1]:4000',
    'http://localhost:4000',
  ])('accepts the endpoint %s (https, or a local fake on a loopback host)', (endpoint) => {
    expect(
      loadConfig({ ...valid, AUTHGEAR_ENDPOINT: endpoint, SLACK_API_URL: `${endpoint}/api` }).authgear
        .endpoint,
    ).toBe(endpoint);
  });

  it('lists an http endpoint together with the other problems', () => {
    const message = problemsOf({
      ...valid,
      AUTHGEAR_ENDPOINT: 'http://authgear.internal',
      SLACK_BOT_TOKEN: '',
    });
    expect(message).toContain('AUTHGEAR_ENDPOINT must use https://');
    expect(message).toContain('SLACK_BOT_TOKEN');
  });

  it('lists an unreadable key file together with the other problems, saying why it cannot be read', () => {
    const { AUTHGEAR_ADMIN_PRIVATE_KEY: _omit, ...rest } = valid;
    const message = problemsOf({
      ...rest,
      AUTHGEAR_ADMIN_PRIVATE_KEY_FILE: '/nonexistent/admin-key.pem',
      SLACK_BOT_TOKEN: '',
      PORT: 'eighty',
    });
    expect(message).toContain('SLACK_BOT_TOKEN');
    expect(message).toContain('PORT');
    expect(message).toContain('AUTHGEAR_ADMIN_PRIVATE_KEY_FILE (/nonexistent/admin-key.pem): no such file');
    expect(message).toContain('Invalid configuration (3 problems)');
  });

  it('lists a key that is not PEM together with the other problems, naming the variable', () => {
    const message = problemsOf({ ...valid, AUTHGEAR_ADMIN_PRIVATE_KEY: 'hello', LOG_LEVEL: 'loud' });
    expect(message).toContain('AUTHGEAR_ADMIN_PRIVATE_KEY is not a PEM private key');
    expect(message).toContain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent');
  });

  it('names the variable in every problem it lists', () => {
    const message = problemsOf({
      LOG_LEVEL: 'loud',
      REDIS_TLS: 'maybe',
      REDIS_URL: 'redis://r',
      AUTHGEAR_LOGIN_ID_KEYS: 'fax',
      SHUTDOWN_GRACE_MS: '-1',
    });
    const problems = message.split('\n').filter((line) => line.startsWith('✖'));
    expect(problems.length).toBeGreaterThan(5);
    for (const line of problems)
      expect(
        ENV_VARIABLES.some((name) => line.includes(name)),
        line,
      ).toBe(true);
  });

  it('treats blank variables as unset, as an empty line in a .env file means', () => {
    const c = loadConfig({ ...valid, PORT: '', HEALTH_PORT: ' ', SHUTDOWN_GRACE_MS: '', REDIS_URL: '' });
    expect([c.port, c.healthPort, c.shutdownGraceMs, c.redis.target.kind]).toEqual([
      3000,
      3000,
      25_000,
      'none',
    ]);
  });

  it("README has a row in the configuration table for every variable, PORT and the demo's included", () => {
    const text = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const firstCells = text
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.split('|')[1] ?? '');
    const missing = [...ENV_VARIABLES, 'DEMO_PORT', 'DEMO_HOST'].filter(
      (name) => !firstCells.some((cell) => cell.includes(`\`${name}\``)),
    );
    expect(missing).toEqual([]);
  });

  it(".env.example shows the demo's DEMO_PORT and DEMO_HOST too", () => {
    const text = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    expect(text).toMatch(/^# DEMO_PORT=3100$/m);
    expect(text).toMatch(/^# DEMO_HOST=127\.0\.0\.1$/m);
  });

  it.each(['.env.example', 'README.md'])('%s names every variable the bot reads', (file) => {
    const text = readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');
    const missing = ENV_VARIABLES.filter((name) =>
      file === '.env.example' ? !new RegExp(`^${name}=`, 'm').test(text) : !text.includes(`\`${name}\``),
    );
    expect(missing).toEqual([]);
  });
});
