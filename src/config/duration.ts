import { z } from 'zod';

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `90s`, `30m`, `1h`, `7d` (and combinations like `1h30m`) into milliseconds; undefined when malformed. */
export const parseDuration = (text: string): number | undefined => {
  const trimmed = text.trim();
  if (!/^(\d+[smhd])+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)([smhd])/g)) {
    total += Number(amount) * (UNITS[unit ?? 's'] ?? 0);
  }
  return total > 0 ? total : undefined;
};

/** A policy duration (`30m`, `1h`, `7d`) read as milliseconds, with a clear message when it is not one. */
export const duration = z.string().transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration such as 30m, 1h or 7d` });
    return z.NEVER;
  }
  return ms;
});
