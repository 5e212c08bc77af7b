import { z } from 'zod';
import { durationText } from '../blocks/time.js';

const DAY = 86_400_000;
const UNITS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: DAY };

/** No duration argument is longer than this (about ten years), whatever the caller's own bound. */
export const MAX_DURATION_MS = 3650 * DAY;

/** What a typed duration is: a length, zero, a well-formed length over the bound, or not a duration at all. */
export type DurationReading =
  | { readonly kind: 'ok'; readonly ms: number }
  | { readonly kind: 'zero' }
  | { readonly kind: 'too_long' }
  | { readonly kind: 'malformed' };

/**
 * Reads `90s`, `30m`, `1h`, `7d` (and combinations like `1h30m`), telling zero and "longer than `maxMs`" apart from
 * text that is no duration (so `for 0m` and `for 99999999999h` can each be answered for what they are).
 */
export const readDuration = (text: string, maxMs: number = MAX_DURATION_MS): DurationReading => {
  const trimmed = text.trim();
  if (trimmed.length > 40 || !/^(\d+[smhd])+$/.test(trimmed)) return { kind: 'malformed' };
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)([smhd])/g)) {
    total += Number(amount) * (UNITS[unit ?? 's'] ?? 0);
  }
  if (total === 0) return { kind: 'zero' };
  return total <= Math.min(maxMs, MAX_DURATION_MS) ? { kind: 'ok', ms: total } : { kind: 'too_long' };
};

/**
 * Parses a duration into milliseconds; undefined when malformed, zero, or longer than `maxMs` (so
 * `99999999999999999999d` is refused instead of becoming an invalid date later).
 */
export const parseDuration = (text: string, maxMs: number = MAX_DURATION_MS): number | undefined => {
  const reading = readDuration(text, maxMs);
  return reading.kind === 'ok' ? reading.ms : undefined;
};

/** A policy duration (`30m`, `1h`, `7d`) of at most `maxMs`, read as milliseconds, with a clear message otherwise. */
export const boundedDuration = (maxMs: number) =>
  z.string().transform((text, ctx) => {
    const ms = parseDuration(text, maxMs);
    if (ms === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not a duration up to ${durationText(maxMs)}, such as 30m, 1h or 7d`,
      });
      return z.NEVER;
    }
    return ms;
  });

/** A policy duration (`30m`, `1h`, `7d`) read as milliseconds, with a clear message when it is not one. */
export const duration = boundedDuration(MAX_DURATION_MS);
