import { TestBed } from '@angular/core/testing';
import type { TargetRevisionDto } from '@civicpulse/contracts';
import { TranslationService } from '../../i18n/translation.service';
import { RevisionHistoryComponent } from './revision-history.component';

const revision = (overrides: Partial<TargetRevisionDto>): TargetRevisionDto => ({
  id: '1',
  projectCode: 'smooth-city',
  indicatorCode: 'traffic.congestion_index',
  oldTarget: null,
  newTarget: 1.6,
  oldTargetDate: null,
  newTargetDate: '2026-12-31',
  reason: 'catalog: initial target from the catalogue',
  changedBy: null,
  changedAt: '2026-01-05T02:00:00Z',
  ...overrides,
});

async function cells(rows: TargetRevisionDto[], locale: 'zh-CN' | 'en'): Promise<string[][]> {
  TestBed.configureTestingModule({});
  TestBed.inject(TranslationService).setLocale(locale);
  const fixture = TestBed.createComponent(RevisionHistoryComponent);
  fixture.componentRef.setInput('revisions', rows);
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  return Array.from(root.querySelectorAll('tbody tr')).map((tr) =>
    Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? ''),
  );
}

describe('RevisionHistoryComponent', () => {
  beforeEach(() => localStorage.clear());

  it('shows the catalogue as author and its reasons in the reader’s language', async () => {
    const rows = [
      revision({}),
      revision({
        id: '2',
        reason: 'catalog: target changed in the catalogue',
        oldTarget: 1.6,
        newTarget: 1.55,
      }),
    ];
    const zh = await cells(rows, 'zh-CN');
    expect(zh[0].slice(3)).toEqual(['指标目录', '指标目录中的初始目标']);
    expect(zh[1].slice(3)).toEqual(['指标目录', '指标目录中的目标已调整']);
    TestBed.resetTestingModule();
    const en = await cells(rows, 'en');
    expect(en[0].slice(3)).toEqual(['Catalogue', 'Initial target from the catalogue']);
  });

  it('keeps a person’s name and reason as written, and names deleted accounts', async () => {
    const rows = [
      revision({ changedBy: 'wang.li', reason: '根据2026年预算调整' }),
      revision({ id: '2', changedBy: null, reason: 'budget cut' }),
    ];
    const zh = await cells(rows, 'zh-CN');
    expect(zh[0].slice(3)).toEqual(['wang.li', '根据2026年预算调整']);
    expect(zh[1].slice(3)).toEqual(['已删除的用户', 'budget cut']);
  });
});
