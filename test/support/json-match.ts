/**
 * The matcher authgear-server's e2e runner uses to compare an answer with an expected JSON that may hold
 * wildcards (e2e/pkg/testrunner/matcher.go): `[[string]]`, `[[number]]`, `[[boolean]]`, `[[object]]`,
 * `[[array]]`, `[[null]]`, `[[ignore]]`, `[[never]]`, `["[[arrayof]]", item]`, `"[[...rest]]"`. Objects may carry
 * extra keys unless `[[...rest]]` says otherwise; arrays must have exactly the listed items. matcher.go lets an
 * object pattern pass ANY non-object value (`if ok` inside `if !ok` in matchMap); `strict` reports it instead.
 */
export interface Violation {
  readonly path: string;
  readonly message: string;
}

const kindOf = (v: unknown): string =>
  v === null
    ? '[[null]]'
    : Array.isArray(v)
      ? '[[array]]'
      : typeof v === 'object'
        ? '[[object]]'
        : `[[${typeof v}]]`;

const scalar = (path: string, data: unknown, schema: string): Violation[] => {
  const ok: Record<string, (v: unknown) => boolean> = {
    '[[number]]': (v) => typeof v === 'number',
    '[[string]]': (v) => typeof v === 'string',
    '[[boolean]]': (v) => typeof v === 'boolean',
    '[[object]]': (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    '[[array]]': (v) => Array.isArray(v),
    '[[null]]': (v) => v === null,
    '[[ignore]]': () => true,
    '[[never]]': () => false,
  };
  const check = ok[schema];
  if (check !== undefined)
    return check(data) ? [] : [{ path, message: `type mismatch: expected ${schema}, got ${kindOf(data)}` }];
  return data === schema
    ? []
    : [{ path, message: `value mismatch: expected ${schema}, got ${JSON.stringify(data)}` }];
};

export const matchJson = (data: unknown, schema: unknown, strict = false, path = ''): Violation[] => {
  if (typeof schema === 'string') return scalar(path, data, schema);
  if (Array.isArray(schema)) {
    if (!Array.isArray(data))
      return [{ path, message: `type mismatch: expected [[array]], got ${kindOf(data)}` }];
    const arrayOf = schema[0] === '[[arrayof]]';
    const out: Violation[] = data.flatMap((item, i) => {
      const itemSchema = arrayOf ? schema[1] : schema[i];
      if (!arrayOf && i >= schema.length) return [{ path: `${path}/${i}`, message: 'unexpected item' }];
      return matchJson(item, itemSchema, strict, `${path}/${i}`);
    });
    if (!arrayOf)
      for (let i = data.length; i < schema.length; i++)
        out.push({ path: `${path}/${i}`, message: 'missing item' });
    return out;
  }
  if (typeof schema === 'object' && schema !== null) {
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      return strict ? [{ path, message: `type mismatch: expected [[object]], got ${kindOf(data)}` }] : [];
    const record = data as Record<string, unknown>;
    const pattern = schema as Record<string, unknown>;
    const out: Violation[] = [];
    for (const [key, value] of Object.entries(pattern)) {
      if (key === '[[...rest]]' || value === '[[ignore]]') continue;
      if (value === '[[never]]') {
        if (key in record) out.push({ path: `${path}/${key}`, message: 'present but [[never]]' });
        continue;
      }
      if (!(key in record)) out.push({ path: `${path}/${key}`, message: 'missing field' });
      else out.push(...matchJson(record[key], value, strict, `${path}/${key}`));
    }
    const rest = pattern['[[...rest]]'] ?? '[[ignore]]';
    for (const key of Object.keys(record))
      if (!(key in pattern)) out.push(...matchJson(record[key], rest, strict, `${path}/${key}`));
    return out;
  }
  return Object.is(data, schema)
    ? []
    : [{ path, message: `value mismatch: expected ${JSON.stringify(schema)}` }];
};

/**
 * The answer as the runner sees it: e2eclient.GraphQLResponse keeps `data` and, per error, only
 * `extensions.errorName` / `extensions.reason` (e2e/pkg/e2eclient/client.go); no errors → `null`.
 */
export const asRunnerSeesIt = (body: {
  data?: unknown;
  errors?: { extensions?: { errorName?: unknown; reason?: unknown } }[];
}): { data: unknown; errors: unknown } => ({
  data: body.data ?? null,
  errors:
    body.errors === undefined
      ? null
      : body.errors.map((e) => ({
          extensions: { errorName: e.extensions?.errorName ?? '', reason: e.extensions?.reason ?? '' },
        })),
});
