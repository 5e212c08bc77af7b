import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.js';
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
    expect(c.redis).toEqual({ url: undefined, prefix: 'authgear-slack:' });
    expect(c.policyFile).toBe('./policy.yaml');
    expect(c.slack.apiUrl).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
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

  it.each([
    ['a bad port', { PORT: 'eighty' }, 'PORT'],
    ['a bad endpoint', { AUTHGEAR_ENDPOINT: 'not a url' }, 'AUTHGEAR_ENDPOINT'],
    ['a bad log level', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['a key that is not PEM', { AUTHGEAR_ADMIN_PRIVATE_KEY: 'hello' }, 'PEM'],
  ])('refuses %s', (_name, override, expected) => {
    expect(problemsOf({ ...valid, ...override })).toContain(expected);
  });

  it('adds the trailing slash the Web API client expects to SLACK_API_URL', () => {
    expect(loadConfig({ ...valid, SLACK_API_URL: 'http://127.0.0.1:9/api' }).slack.apiUrl).toBe(
      'http://127.0.0.1:9/api/',
    );
  });
});
