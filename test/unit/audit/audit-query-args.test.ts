import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AUDIT_LOG_ACTIVITY_TYPES } from '../../../src/authgear/operations/audit-logs.js';
import { type ErrorCode, isAppError } from '../../../src/errors.js';
import { nextPageCommand, parseAuditArgs } from '../../../src/queries/audit.js';
import { expectAppErrorCode } from '../../support/errors.js';

const schemaPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/authgear/admin-api.graphql',
);

describe('audit log activity types', () => {
  it.runIf(existsSync(schemaPath))("match the AuditLogActivityType enum of Authgear's schema", () => {
    const type = buildSchema(readFileSync(schemaPath, 'utf8')).getType('AuditLogActivityType');
    if (!(type instanceof GraphQLEnumType)) throw new Error('AuditLogActivityType is not an enum');
    expect([...AUDIT_LOG_ACTIVITY_TYPES].sort()).toEqual(
      type
        .getValues()
        .map((v) => v.name)
        .sort(),
    );
  });
});

describe('parseAuditArgs', () => {
  it('reads who, types, since and after in any order', () => {
    const parsed = parseAuditArgs([
      '--since',
      '7d',
      'ada@example.com',
      '--type',
      'user_disabled,USER_REENABLED',
      '--after=abc_1',
    ]);
    expect(parsed).toEqual({
      who: 'ada@example.com',
      types: ['USER_DISABLED', 'USER_REENABLED'],
      since: '7d',
      sinceMs: 7 * 86_400_000,
      after: 'abc_1',
    });
  });

  it('with no arguments asks for the whole project', () => {
    expect(parseAuditArgs([])).toEqual({
      who: undefined,
      types: [],
      since: undefined,
      sinceMs: undefined,
      after: undefined,
    });
  });

  it('refuses an unknown type kindly, suggesting close names', () => {
    try {
      parseAuditArgs(['--type', 'USER_DISABLE']);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('input.invalid');
      expect(isAppError(error) && error.userMessage).toContain('USER_DISABLED');
    }
  });

  it.each<[string[], ErrorCode]>([
    [['--since', 'yesterday'], 'input.invalid'],
    [['--since'], 'input.usage'],
    [['--verbose'], 'input.usage'],
    [['--after', 'no spaces<>'], 'input.invalid'],
    [['--until', 'yesterday'], 'input.invalid'],
  ])('refuses %j with %s', (args, code) => {
    expectAppErrorCode(() => parseAuditArgs(args), code);
  });

  it('builds a next-page command, with the first page’s end pinned, that parses back to the same filters', () => {
    const args = parseAuditArgs(['--type', 'USER_DISABLED', '--since', '24h']);
    const until = '2026-05-01T09:00:00.000Z';
    const command = nextPageCommand('0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', args, 'b2Zmc2V0OjE5', until);
    expect(command).toBe(
      `/authgear audit 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b --type USER_DISABLED --since 24h --after b2Zmc2V0OjE5 --until ${until}`,
    );
    const again = parseAuditArgs((command ?? '').split(' ').slice(2));
    expect(again).toMatchObject({
      who: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
      types: ['USER_DISABLED'],
      since: '24h',
      after: 'b2Zmc2V0OjE5',
      until,
    });
  });
});
