import { ERROR_CODES, KPI_STATUSES, ROLES, STATUS_COLOURS } from '../index';

describe('contract vocabularies', () => {
  it('orders roles from least to most powerful', () => {
    expect(ROLES).toEqual(['viewer', 'operator', 'data_admin', 'admin']);
  });

  it('orders statuses best to worst with no_data last, aligned with colours', () => {
    expect(KPI_STATUSES.indexOf('achieved')).toBe(0);
    expect(KPI_STATUSES[KPI_STATUSES.length - 1]).toBe('no_data');
    expect(STATUS_COLOURS.slice(0, 5)).toEqual(['green', 'yellow', 'orange', 'red', 'dark_red']);
  });

  it('has unique error codes', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
