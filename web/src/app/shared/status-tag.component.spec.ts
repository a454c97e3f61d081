import { TestBed } from '@angular/core/testing';
import { StatusTagComponent } from './status-tag.component';
import { TranslationService } from '../i18n/translation.service';

describe('StatusTagComponent', () => {
  beforeEach(() => localStorage.clear());

  it('shows the status in words next to its colour and follows the language', async () => {
    const fixture = TestBed.createComponent(StatusTagComponent);
    fixture.componentRef.setInput('status', 'needs_acceleration');
    fixture.componentRef.setInput('colour', 'orange');
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.textContent?.trim()).toBe('需加快');
    expect((root.querySelector('.dot') as HTMLElement).style.background).toBe('rgb(232, 116, 42)');
    TestBed.inject(TranslationService).setLocale('en');
    await fixture.whenStable();
    expect(root.textContent?.trim()).toBe('Needs acceleration');
  });
});
