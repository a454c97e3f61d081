import { ManifestFileError } from './manifest-files';
import { ManifestVariableError, substituteVariables } from '@civicpulse/connectors';
import {
  buildSourceDefinitions,
  describeValidationError,
  type ValidatedManifest,
} from './source-definitions';

const valid = (key: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  key,
  name: { zh: '测试', en: 'Test' },
  owner_department: 'transport',
  connector: { type: 'ckan', params: { base_url: '${DEMO_PORTAL_URL}/ckan' } },
  schedule: { cron: '0 6 * * *' },
  cadence: { expected: 'day', stale_after: '2d' },
  ...extra,
});

/** Stand-in validator: requires a key and a connector, like the kit does (with zod-like issues). */
function validator(raw: unknown, origin: string): ValidatedManifest {
  const m = raw as Partial<ValidatedManifest> & {
    connector?: { type?: string; params?: { base_url?: string } };
  };
  if (!m.key || !m.connector?.type) {
    throw Object.assign(new Error(`invalid ${origin}`), {
      issues: [{ path: 'connector', message: 'required, expected object' }],
    });
  }
  if (m.connector.params?.base_url?.includes('${')) throw new Error('variables were not substituted');
  return m as ValidatedManifest;
}

describe('substituteVariables', () => {
  it('replaces ${NAME} in nested strings and leaves the rest alone', () => {
    expect(substituteVariables({ a: ['${X}/p', 1, null], b: { c: 'x${X}' } }, { X: 'http://h' })).toEqual({
      a: ['http://h/p', 1, null],
      b: { c: 'xhttp://h' },
    });
  });

  it('names the variable and where it is used when it is not set', () => {
    expect(() => substituteVariables({ connector: { params: { url: '${NOPE}' } } }, {})).toThrow(
      ManifestVariableError,
    );
    expect(() => substituteVariables({ connector: { params: { url: '${NOPE}' } } }, {})).toThrow(
      /connector\.params\.url: uses \$\{NOPE\}/,
    );
  });
});

describe('buildSourceDefinitions', () => {
  it('builds rows from valid files, keeping the manifest as written', () => {
    const [def] = buildSourceDefinitions([{ file: 'sources/a.yaml', raw: valid('a') }], {}, validator);
    expect(def).toEqual({
      key: 'a',
      nameZh: '测试',
      nameEn: 'Test',
      connectorType: 'ckan',
      manifest: valid('a'),
      schedule: '0 6 * * *',
      staleAfterSeconds: 172_800,
      ownerDepartmentCode: 'transport',
    });
  });

  it('reports every bad file with its name and key, and duplicate keys', () => {
    let error: unknown;
    try {
      buildSourceDefinitions(
        [
          { file: 'sources/a.yaml', raw: valid('a') },
          { file: 'sources/bad.yaml', raw: { key: 'bad' } },
          { file: 'sources/a2.yaml', raw: valid('a') },
        ],
        {},
        validator,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AggregateError);
    const problems = (error as AggregateError).errors as ManifestFileError[];
    expect(problems.map((p) => [p.file, p.key])).toEqual([
      ['sources/bad.yaml', 'bad'],
      ['sources/a2.yaml', 'a'],
    ]);
    expect(problems[0]?.problems).toEqual(['connector: required, expected object']);
    expect(problems[1]?.problems[0]).toMatch(/already used by sources\/a\.yaml/);
  });
});

describe('describeValidationError', () => {
  it('falls back to the message of a plain error', () => {
    expect(describeValidationError(new Error('nope'))).toEqual(['nope']);
  });
});
