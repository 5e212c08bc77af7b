export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline?: number;
  readonly ratio?: number;
}

/** Prints results as an aligned table on stdout. */
export const printTable = (results: readonly BenchResult[]): void => {
  const header = ['benchmark', 'value', 'unit', 'baseline', 'ratio'];
  const rows = results.map((r) => [
    r.name,
    String(r.value),
    r.unit,
    String(r.baseline ?? ''),
    String(r.ratio ?? ''),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ');
  process.stdout.write(`${[line(header), ...rows.map(line)].join('\n')}\n`);
};
