/** A period the user can pick: the API key and how to label it. */
export interface PeriodChoice {
  key: string;
  kind: 'ytd' | 'year' | 'quarter';
  year?: number;
  quarter?: number;
}

/**
 * Year to date, the last four quarters and the last two full years, counted back from `today`
 * (the caller passes the clock so tests can fix it).
 */
export function periodChoices(today: Date): PeriodChoice[] {
  const year = today.getFullYear();
  const currentQuarter = Math.floor(today.getMonth() / 3) + 1;
  const choices: PeriodChoice[] = [{ key: 'ytd', kind: 'ytd' }];
  let y = year;
  let q = currentQuarter;
  for (let i = 0; i < 4; i++) {
    choices.push({ key: `${y}-Q${q}`, kind: 'quarter', year: y, quarter: q });
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
  }
  choices.push(
    { key: String(year - 1), kind: 'year', year: year - 1 },
    { key: String(year - 2), kind: 'year', year: year - 2 },
  );
  return choices;
}
