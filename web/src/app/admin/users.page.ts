import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ROLES, type Role, type UserDto } from '@civicpulse/contracts';
import { requestFailure } from '../core/api-error';
import { roleKey } from '../i18n/message-keys';
import { TranslationService } from '../i18n/translation.service';
import { RequestErrorComponent } from '../shared/request-error.component';
import { BrandProjectDataService } from '../projects/brand-project-data.service';
import { departmentChoices } from './department-choices';
import { UserDataService } from './user-data.service';

/** 管理: users, their roles and department scope, enabling/disabling, and adding a user. */
@Component({
  selector: 'cp-users-page',
  imports: [FormsModule, RequestErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users.page.html',
  styleUrl: './users.page.scss',
})
export class UsersPage {
  private readonly i18n = inject(TranslationService);
  private readonly data = inject(UserDataService);
  private readonly projectData = inject(BrandProjectDataService);
  protected readonly t = this.i18n.t;
  protected readonly date = this.i18n.date;
  protected readonly name = this.i18n.name;
  protected readonly roles = ROLES;
  protected readonly roleKey = roleKey;
  protected readonly users = rxResource({ stream: () => this.data.users() });
  protected readonly username = signal('');
  protected readonly password = signal('');
  protected readonly displayName = signal('');
  protected readonly role = signal<Role>('viewer');
  /** Department scope of the new user; '' = all departments. */
  protected readonly departmentCode = signal('');
  private readonly projects = rxResource({ stream: () => this.projectData.list() });
  protected readonly departments = computed(() =>
    departmentChoices(this.projects.value() ?? [], this.users.value() ?? []),
  );
  protected readonly failure = signal<string | null>(null);

  protected create(): void {
    this.failure.set(null);
    const displayName = this.displayName().trim();
    const request = {
      username: this.username(),
      password: this.password(),
      role: this.role(),
      departmentCode: this.departmentCode() || null,
      ...(displayName ? { displayName } : {}),
    };
    this.data.create(request).subscribe({
      next: () => {
        this.username.set('');
        this.password.set('');
        this.displayName.set('');
        this.departmentCode.set('');
        this.users.reload();
      },
      error: (error: unknown) => this.failure.set(this.t(`error.${requestFailure(error)}`)),
    });
  }

  protected toggle(user: UserDto): void {
    this.data.update(user.id, { disabled: !user.disabled }).subscribe({
      next: () => this.users.reload(),
      error: (error: unknown) => this.failure.set(this.t(`error.${requestFailure(error)}`)),
    });
  }

  protected changeRole(user: UserDto, event: Event): void {
    const target = event.target;
    if (!(target instanceof HTMLSelectElement)) return;
    const role = ROLES.find((r) => r === target.value);
    if (!role) return;
    this.data.update(user.id, { role }).subscribe({
      next: () => this.users.reload(),
      error: (error: unknown) => this.failure.set(this.t(`error.${requestFailure(error)}`)),
    });
  }

  protected changeDepartment(user: UserDto, event: Event): void {
    const target = event.target;
    if (!(target instanceof HTMLSelectElement)) return;
    this.data.update(user.id, { departmentCode: target.value || null }).subscribe({
      next: () => this.users.reload(),
      error: (error: unknown) => this.failure.set(this.t(`error.${requestFailure(error)}`)),
    });
  }
}
