import { DOCUMENT, inject, Injectable } from '@angular/core';

/**
 * The component library's stylesheet is built as a separate, non-injected bundle (`zorro.css`,
 * see project.json) so the login, showcase and big-screen pages never download it. Pages that use
 * ng-zorro components ask for it here; it is added once.
 */
@Injectable({ providedIn: 'root' })
export class ZorroStylesService {
  private readonly document = inject(DOCUMENT);
  private loaded = false;

  ensureLoaded(): void {
    if (this.loaded || this.document.getElementById('cp-zorro-styles')) {
      this.loaded = true;
      return;
    }
    const link = this.document.createElement('link');
    link.id = 'cp-zorro-styles';
    link.rel = 'stylesheet';
    link.href = 'zorro.css';
    this.document.head.appendChild(link);
    this.loaded = true;
  }
}
