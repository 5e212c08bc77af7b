import { describe, expect, it } from 'vitest';
import { readFields } from '../../../src/slack/view-values.js';

const field = { kind: 'datetime', id: 'until', label: 'Until' } as const;

describe('readFields: date and time pickers', () => {
  it('reads a picked time as ISO text', () => {
    expect(readFields([field], { until: { until: { selected_date_time: 1_767_225_600 } } })).toEqual({
      until: '2026-01-01T00:00:00.000Z',
    });
  });

  it.each([
    ['beyond year 9999', 99_999_999_999_999],
    ['negative', -1],
    ['not finite', Number.POSITIVE_INFINITY],
  ])('turns a forged time %s into text the input schema refuses, instead of throwing', (_what, seconds) => {
    expect(readFields([field], { until: { until: { selected_date_time: seconds } } })).toEqual({
      until: 'not-a-date',
    });
  });
});
