/** "Did you mean …?" for names typed into configuration: the closest known names by edit distance. */

/** Levenshtein distance between two strings (insertions, deletions and substitutions each cost 1). */
export const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
};

/**
 * Up to `max` known names close to `typed` (case-insensitive), nearest first: at most two edits away, or a quarter
 * of the longer name's length for long names (`group.delet` → `group.delete`, `USER_DISABLE` → `USER_DISABLED`).
 */
export const closestNames = (typed: string, known: readonly string[], max = 3): string[] => {
  const t = typed.toLowerCase();
  const scored = known
    .map((name) => ({ name, d: editDistance(t, name.toLowerCase()) }))
    .filter(({ name, d }) => d <= Math.max(2, Math.floor(Math.max(t.length, name.length) / 4)))
    .sort((x, y) => x.d - y.d || x.name.localeCompare(y.name));
  return scored.slice(0, max).map(({ name }) => name);
};

/** ` Did you mean "a" or "b"?` (with a leading space), or '' when nothing is close. */
export const didYouMean = (typed: string, known: readonly string[]): string => {
  const near = closestNames(typed, known);
  if (near.length === 0) return '';
  const quoted = near.map((n) => `"${n}"`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  return ` Did you mean ${list}?`;
};
