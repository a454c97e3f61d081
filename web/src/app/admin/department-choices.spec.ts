import type { BrandProjectListItemDto, UserDto } from '@civicpulse/contracts';
import { departmentChoices } from './department-choices';

const project = (code: string, nameZh: string): BrandProjectListItemDto =>
  ({ ownerDepartment: { code, nameZh, nameEn: code.toUpperCase() } }) as unknown as BrandProjectListItemDto;
const user = (departmentCode: string | null): UserDto => ({ departmentCode }) as unknown as UserDto;

describe('departmentChoices', () => {
  it('lists owner departments once, adds users’ other departments by code, sorted by code', () => {
    const choices = departmentChoices(
      [
        project('transport', '交通运输局'),
        project('health', '卫生健康委'),
        project('transport', '交通运输局'),
      ],
      [user(null), user('health'), user('audit')],
    );
    expect(choices.map((d) => d.code)).toEqual(['audit', 'health', 'transport']);
    expect(choices[1].nameZh).toBe('卫生健康委');
    expect(choices[0]).toEqual({ code: 'audit', nameZh: 'audit', nameEn: 'audit' });
  });

  it('is empty without projects or scoped users', () => {
    expect(departmentChoices([], [user(null)])).toEqual([]);
  });
});
