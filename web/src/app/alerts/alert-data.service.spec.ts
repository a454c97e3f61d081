import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AlertDataService } from './alert-data.service';
import { SourceDataService } from '../sources/source-data.service';
import { PublicProjectDataService } from '../showcase/public-project-data.service';
import { UserDataService } from '../admin/user-data.service';

describe('alert, source, public and user data services', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('filters alert events by state', () => {
    TestBed.inject(AlertDataService).events('open').subscribe();
    backend.expectOne('/api/alerts?state=open');
  });

  it('reads sources, a page of runs and one run', () => {
    const sources = TestBed.inject(SourceDataService);
    sources.sources().subscribe();
    backend.expectOne('/api/sources');
    sources.runs({ source: 'demo', status: 'failed', limit: 20 }).subscribe();
    backend.expectOne('/api/runs?source=demo&status=failed&limit=20');
    sources.run('42').subscribe();
    backend.expectOne('/api/runs/42');
  });

  it('reads the public showcase without any project-internal route', () => {
    TestBed.inject(PublicProjectDataService).project('healthy-city').subscribe();
    backend.expectOne('/api/public/brand-projects/healthy-city');
  });

  it('creates and updates users', () => {
    const users = TestBed.inject(UserDataService);
    users.create({ username: 'a', password: 'secret-pass', role: 'viewer' }).subscribe();
    const create = backend.expectOne('/api/admin/users');
    expect(create.request.method).toBe('POST');
    expect(create.request.body).toEqual({ username: 'a', password: 'secret-pass', role: 'viewer' });
    users.update(7, { disabled: true }).subscribe();
    const update = backend.expectOne('/api/admin/users/7');
    expect(update.request.method).toBe('PATCH');
  });
});
