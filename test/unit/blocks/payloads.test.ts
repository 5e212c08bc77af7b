import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActionIds, startActionId } from '../../../src/blocks/ids.js';
import { buttonCodec, confirmValue, PAYLOAD_CODECS, startActionValue } from '../../../src/blocks/payloads.js';
import { expectAppErrorCode } from '../../support/errors.js';
import { currentSamples } from '../../support/payload-samples.js';
import { projectRoot } from '../../support/shared.js';

/** Values saved from cards earlier versions posted: Slack still holds those messages, so each must still decode. */
const golden = JSON.parse(
  readFileSync(resolve(projectRoot, 'test/fixtures/payloads/golden.json'), 'utf8'),
) as { codec: string; text: string; value: unknown }[];

describe('payloads already posted in Slack (golden samples)', () => {
  it.each(golden.map((g) => [g.codec, g.text, g] as const))('%s still decodes %s', (_c, _t, g) => {
    const codec = PAYLOAD_CODECS[g.codec];
    expect(codec, `no codec named ${g.codec}`).toBeDefined();
    expect(codec?.decode(g.text)).toEqual(g.value);
  });

  it('has a saved sample for every codec', () => {
    const sampled = new Set(golden.map((g) => g.codec));
    expect(Object.keys(PAYLOAD_CODECS).filter((name) => !sampled.has(name))).toEqual([]);
  });
});

describe('payloads the current views post', () => {
  const samples = currentSamples();

  it.each(samples.map((s) => [s.where, s] as const))('%s decodes with its codec', (_w, s) => {
    const codec = PAYLOAD_CODECS[s.codec];
    expect(codec, `${s.where} has no codec`).toBeDefined();
    expect(() => codec?.decode(s.text)).not.toThrow();
  });

  it('gives every button action ID a codec', () => {
    const ids = [...Object.values(ActionIds), startActionId('disable')];
    expect(ids.filter((id) => buttonCodec(id) === undefined)).toEqual([]);
  });
});

describe('codecs', () => {
  it.each([
    ['not JSON', '{k:'],
    ['JSON of the wrong shape', '{"key":"disable"}'],
    ['nothing', undefined],
  ])('refuses %s with input.invalid', (_what, text) => {
    expectAppErrorCode(() => startActionValue.decode(text), 'input.invalid');
    expect(startActionValue.safeDecode(text)).toBeUndefined();
  });

  it('refuses to encode a value over the button limit, with a kind message', () => {
    const huge = { v: 1 as const, k: 'edit', i: { note: 'x'.repeat(2100) } };
    expect(confirmValue.tryEncode(huge)).toBeUndefined();
    expectAppErrorCode(() => confirmValue.encode(huge), 'input.invalid');
  });

  it('round-trips a value through encode and decode', () => {
    const value = { k: 'revoke-session', u: 'VXNlcjp1MQ', a: { sessionId: 'U2Vzc2lvbjpzMQ' } };
    expect(startActionValue.decode(startActionValue.encode(value))).toEqual(value);
  });
});
