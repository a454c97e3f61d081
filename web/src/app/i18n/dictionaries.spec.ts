import { EN } from './en';
import { ZH_CN } from './zh-CN';

const placeholders = (message: string): string[] =>
  [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message dictionaries', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(ZH_CN).sort());
  });

  it('have no Chinese characters in English messages', () => {
    const withHan = Object.entries(EN).filter(([, value]) => /\p{Script=Han}/u.test(value));
    expect(withHan).toEqual([]);
  });

  it('have no empty messages', () => {
    expect(Object.entries(ZH_CN).filter(([, v]) => v.trim() === '')).toEqual([]);
    expect(Object.entries(EN).filter(([, v]) => v.trim() === '')).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = (Object.keys(ZH_CN) as (keyof typeof ZH_CN)[]).filter(
      (key) => placeholders(ZH_CN[key]).join() !== placeholders(EN[key]).join(),
    );
    expect(mismatched).toEqual([]);
  });
});
