import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hasShared, projectRoot, sharedDir } from '../support/shared.js';

const schemaDir = path.join(sharedDir, 'slack/manifest-schema');
const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(schemaDir, file), 'utf8'));
const VERSIONED_SCHEMA_URL = (version: string) =>
  `https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.${version}.json`;

const EVENTS_URL = 'https://authgear-slack.example.com/slack/events';

interface Manifest {
  display_information: { name: string };
  features: {
    bot_user?: { display_name: string };
    app_home?: {
      home_tab_enabled?: boolean;
      messages_tab_enabled?: boolean;
      messages_tab_read_only_enabled?: boolean;
    };
    slash_commands: Array<{ command: string; url: string; usage_hint?: string }>;
    shortcuts: Array<{ type: string; callback_id: string; name: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url: string };
    event_subscriptions: { request_url: string; bot_events: string[] };
    socket_mode_enabled: boolean;
  };
}

const manifestText = readFileSync(path.join(projectRoot, 'manifest.yml'), 'utf8');
const manifest: Manifest = parse(manifestText);

describe.runIf(hasShared)("manifest.yml against Slack's manifest schema", () => {
  let validate: ValidateFunction;

  beforeAll(() => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormatsModule.default(ajv);
    ajv.addSchema(readJson('schemas/manifest.schema.1.0.0.json'), VERSIONED_SCHEMA_URL('1.0.0'));
    ajv.addSchema(readJson('schemas/manifest.schema.2.0.0.json'), VERSIONED_SCHEMA_URL('2.0.0'));
    validate = ajv.compile(readJson('manifest.schema.json'));
  });

  it.each(['v1', 'v2'])("accepts Slack's own valid %s fixture", (version) => {
    expect(
      validate(readJson(`tests/manifests/${version}/manifest.valid.json`)),
      JSON.stringify(validate.errors),
    ).toBe(true);
  });

  it.each(['v1', 'v2'])("rejects Slack's own invalid %s fixture", (version) => {
    expect(validate(readJson(`tests/manifests/${version}/manifest.invalid.json`))).toBe(false);
  });

  it('accepts our manifest', () => {
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('rejects our manifest when a shortcut name exceeds 24 characters', () => {
    const broken = structuredClone(manifest);
    const first = broken.features.shortcuts[0];
    if (first) first.name = 'Look up an Authgear user please';
    expect(validate(broken)).toBe(false);
  });
});

describe('manifest.yml contents', () => {
  it('declares the /authgear command on the events URL with a usage hint', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({
        command: '/authgear',
        url: EVENTS_URL,
        usage_hint: expect.stringMatching(/^help \| user <who> \| search <keyword> \| /),
      }),
    ]);
  });

  it('declares the lookup shortcuts by callback ID and type', () => {
    expect(manifest.features.shortcuts.map((s) => [s.type, s.callback_id, s.name])).toEqual([
      ['global', 'authgear_lookup_user', 'Look up an Authgear user'],
      ['message', 'authgear_lookup_sender', 'Look up the sender'],
    ]);
  });

  it('asks for exactly the bot scopes the app uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        'channels:read',
        'chat:write',
        'commands',
        'groups:read',
        'im:write',
        'usergroups:read',
        'users:read',
        'users:read.email',
      ].sort(),
    );
  });

  it('routes interactivity and app_home_opened to the events URL in HTTP mode', () => {
    expect(manifest.display_information.name).toBe('Authgear');
    expect(manifest.features.bot_user?.display_name).toBe('Authgear');
    expect(manifest.features.app_home?.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: EVENTS_URL });
    expect(manifest.settings.event_subscriptions).toEqual({
      request_url: EVENTS_URL,
      bot_events: ['app_home_opened'],
    });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('keeps the Messages tab on, read-only, so the DMs the bot sends reach people', () => {
    expect(manifest.features.app_home?.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home?.messages_tab_read_only_enabled).toBe(true);
  });

  it('explains how to switch to Socket Mode', () => {
    expect(manifestText).toMatch(/#.*true.*SLACK_APP_TOKEN/s);
  });
});
