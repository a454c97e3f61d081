import { periodChoices } from './period-choices';

describe('periodChoices', () => {
  it('offers year to date, the last four quarters and two full years', () => {
    expect(periodChoices(new Date(2026, 1, 10)).map((c) => c.key)).toEqual([
      'ytd',
      '2026-Q1',
      '2025-Q4',
      '2025-Q3',
      '2025-Q2',
      '2025',
      '2024',
    ]);
  });
});
