import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatChartNumber } from './chart-locale';
import { KNOWN_UNITS, localizeUnit, unitOfChange, withUnit } from './chart-units';

const CJK = /[\u3400-\u9fff]/;

/** Every `unit:` the catalogue's indicator files declare. */
function catalogueUnits(): string[] {
  const dir = path.resolve(__dirname, '../../../../../catalog/indicators');
  const units = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    for (const match of readFileSync(path.join(dir, file), 'utf8').matchAll(
      /^\s+unit:\s*'?([^'\n]+?)'?\s*$/gm,
    ))
      units.add(match[1]);
  }
  return [...units];
}

describe('unit labels', () => {
  it('has a label for every unit in the catalogue', () => {
    const units = catalogueUnits();
    expect(units.length).toBeGreaterThan(10);
    expect(units.filter((u) => !KNOWN_UNITS.includes(u))).toEqual([]);
  });

  it('shows every catalogue unit in Chinese in zh-CN and without Chinese in en', () => {
    for (const unit of catalogueUnits()) {
      const zh = localizeUnit(unit, 'zh-CN');
      const en = localizeUnit(unit, 'en');
      // A zh label is Chinese, a sign (%, ‰) or empty (bare indices) — never the English text.
      expect(zh === '' || zh === '%' || zh === '‰' || CJK.test(zh)).toBe(true);
      expect(CJK.test(en)).toBe(false);
    }
  });

  it('formats values with the unit in the active language', () => {
    expect(formatChartNumber(32.5, 'zh-CN', { unit: 'minutes' })).toBe('32.5分钟');
    expect(formatChartNumber(32.5, 'en', { unit: 'minutes' })).toBe('32.5 min');
    expect(formatChartNumber(87.5, 'en', { unit: '%' })).toBe('87.5%');
    expect(formatChartNumber(1.42, 'zh-CN', { unit: 'ratio' })).toBe('1.42');
    expect(formatChartNumber(12000, 'zh-CN', { unit: 'consultations per 100 000 per year' })).toBe(
      '12,000人次/10万人·年',
    );
    expect(formatChartNumber(1200, 'en', { unit: 'per 100 000 live births' })).toBe(
      '1,200 per 100,000 live births',
    );
  });

  it('uses an indicator’s own label where the unit alone is too general', () => {
    expect(formatChartNumber(6.1, 'zh-CN', { unit: 'per 1 000', indicator: 'health.beds_per_1000' })).toBe(
      '6.1张/千人',
    );
    expect(formatChartNumber(6.1, 'en', { unit: 'per 1 000', indicator: 'health.beds_per_1000' })).toBe(
      '6.1 beds per 1,000',
    );
    expect(formatChartNumber(3.2, 'zh-CN', { unit: 'per 1 000', indicator: 'health.other' })).toBe(
      '3.2/千人',
    );
  });

  it('states changes of percentages in percentage points', () => {
    expect(formatChartNumber(1.5, 'zh-CN', { unit: unitOfChange('%') })).toBe('1.5个百分点');
    expect(formatChartNumber(1.5, 'en', { unit: unitOfChange('%') })).toBe('1.5 pp');
    expect(unitOfChange('minutes')).toBe('minutes');
  });

  it('leaves unknown or already localized units as given', () => {
    expect(localizeUnit('widgets', 'zh-CN')).toBe('widgets');
    expect(localizeUnit('分钟', 'zh-CN')).toBe('分钟');
    expect(withUnit('3', '')).toBe('3');
    expect(withUnit('3', 'km')).toBe('3 km');
    expect(withUnit('3', '张/千人')).toBe('3张/千人');
  });
});
