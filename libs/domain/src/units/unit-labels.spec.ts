import { attachUnit, KNOWN_UNITS, unitLabel } from './unit-labels';

describe('unit labels', () => {
  it.each([
    ['minutes', 'zh', undefined, '分钟'],
    ['minutes', 'en', undefined, 'min'],
    ['score 0-100', 'zh', undefined, '分'],
    ['ratio', 'zh', undefined, ''],
    ['per 1 000', 'zh', undefined, '/千人'],
    ['per 1 000', 'zh', 'health.beds_per_1000', '张/千人'],
    ['per 1 000', 'en', 'health.beds_per_1000', 'beds per 1,000'],
    ['furlongs', 'zh', undefined, 'furlongs'],
  ] as const)('%s in %s (%s) → %j', (unit, lang, code, label) => {
    expect(unitLabel(unit, lang, code)).toBe(label);
  });

  it('attaches signs and Chinese labels directly and words after a space', () => {
    expect(attachUnit('87.5', '%')).toBe('87.5%');
    expect(attachUnit('32', '分钟')).toBe('32分钟');
    expect(attachUnit('6.1', '/千人')).toBe('6.1/千人');
    expect(attachUnit('32', 'min')).toBe('32 min');
    expect(attachUnit('1.42', '')).toBe('1.42');
  });

  it('labels every known unit in both languages', () => {
    for (const unit of KNOWN_UNITS) {
      expect(typeof unitLabel(unit, 'zh')).toBe('string');
      expect(/[\u3400-\u9fff]/.test(unitLabel(unit, 'en'))).toBe(false);
    }
  });
});
