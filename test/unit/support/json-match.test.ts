import { describe, expect, it } from 'vitest';
import { asRunnerSeesIt, matchJson } from '../../support/json-match.js';

describe('matchJson, as authgear-server e2e matcher.go compares', () => {
  it.each<[string, unknown, unknown]>([
    [
      'typed wildcards',
      { id: 'x', n: 1, ok: true, o: {}, a: [], z: null },
      {
        id: '[[string]]',
        n: '[[number]]',
        ok: '[[boolean]]',
        o: '[[object]]',
        a: '[[array]]',
        z: '[[null]]',
      },
    ],
    ['extra keys by default', { a: 1, extra: 'x' }, { a: 1 }],
    ['[[ignore]] and an absent [[never]]', { a: 1 }, { a: 1, b: '[[ignore]]', c: '[[never]]' }],
    ['[[arrayof]]', [1, 2, 3], ['[[arrayof]]', '[[number]]']],
    ['an object pattern against null (the runner lets it pass)', null, { a: 1 }],
  ])('accepts %s', (_name, data, schema) => {
    expect(matchJson(data, schema)).toEqual([]);
  });

  it.each<[string, unknown, unknown]>([
    ['a different constant', { a: 2 }, { a: 1 }],
    ['a missing field', {}, { a: 1 }],
    ['a wrong type', { a: 1 }, { a: '[[string]]' }],
    ['an extra array item', [1, 2], [1]],
    ['a missing array item', [1], [1, 2]],
    ['a present [[never]]', { c: 1 }, { c: '[[never]]' }],
    ['keys beyond [[...rest]]: [[never]]', { a: 1, b: 2 }, { a: 1, '[[...rest]]': '[[never]]' }],
  ])('reports %s', (_name, data, schema) => {
    expect(matchJson(data, schema)).not.toEqual([]);
  });

  it('in strict mode, reports an object pattern against null', () => {
    expect(matchJson(null, { a: 1 }, true)).toHaveLength(1);
  });

  it('sees an answer as e2eclient.GraphQLResponse does: data, and only errorName/reason per error', () => {
    expect(asRunnerSeesIt({ data: { x: 1 } })).toEqual({ data: { x: 1 }, errors: null });
    expect(
      asRunnerSeesIt({ data: null, errors: [{ extensions: { errorName: 'Invalid', reason: 'R' } }] }),
    ).toEqual({ data: null, errors: [{ extensions: { errorName: 'Invalid', reason: 'R' } }] });
  });
});
