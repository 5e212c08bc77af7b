import { slackDate } from './primitives.js';

/** Durations in words for people: `2h`, `1h 30m`, `45m`, `20s`, `1d 4h` (at most two units). Pure. */
const UNITS: ReadonlyArray<[string, number]> = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
];

export const durationText = (ms: number): string => {
  let rest = Math.max(0, Math.round(ms / 1000) * 1000);
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0 && parts.length < 2) {
      parts.push(`${n}${unit}`);
      rest -= n * size;
    } else if (parts.length > 0) break;
  }
  return parts.length > 0 ? parts.join(' ') : '0s';
};

/** A moment (epoch ms) as Slack shows it in the reader's time zone. */
export const dateText = (ms: number): string => slackDate(new Date(ms).toISOString());
