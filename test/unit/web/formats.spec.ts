import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
} from '../../../src/web/views/components.view';

describe('Vietnamese conventions on the pages', () => {
  it('writes dates dd/mm/yyyy and times HH:mm in Vietnam time, in both languages', () => {
    expect(formatDate('2024-03-13', 'vi')).toBe('13/03/2024');
    expect(formatDate('2024-03-13', 'en')).toBe('13/03/2024');
    // 20:30 UTC on 12 March is 03:30 on 13 March in Hanoi.
    expect(formatDate(new Date('2024-03-12T20:30:00Z'), 'vi')).toBe('13/03/2024');
    expect(formatDateTime('2024-03-12T20:30:00Z', 'vi')).toBe('13/03/2024 03:30');
    expect(formatDateTime('2026-02-26T16:59:59.999Z', 'en')).toBe('26/02/2026 23:59');
    expect(formatDate(null, 'vi')).toBe('');
    expect(formatDateTime('not a date', 'vi')).toBe('');
  });

  it('writes numbers and shares with the decimal comma in Vietnamese', () => {
    expect(formatPercent(2 / 3, 'vi')).toBe('66,7 %');
    expect(formatPercent(2 / 3, 'en')).toBe('66.7 %');
    expect(formatNumber(1234.5, 2, 'vi')).toBe('1.234,50');
    expect(formatNumber(89, 2, 'en')).toBe('89.00');
  });
});
