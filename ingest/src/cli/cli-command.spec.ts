import { CliUsageError, parseCommandLine } from './cli-command';

describe('parseCommandLine', () => {
  it('starts the worker without arguments', () => {
    expect(parseCommandLine([])).toEqual({ kind: 'worker' });
  });

  it('answers --help, -h and help with the help command', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help', topic: undefined });
    expect(parseCommandLine(['-h'])).toEqual({ kind: 'help', topic: undefined });
    expect(parseCommandLine(['help', 'run'])).toEqual({ kind: 'help', topic: 'run' });
    expect(parseCommandLine(['run', '--help'])).toEqual({ kind: 'help', topic: 'run' });
  });

  it('parses the commands npm start calls', () => {
    expect(parseCommandLine(['migrate'])).toEqual({ kind: 'migrate' });
    expect(parseCommandLine(['catalog', 'apply', '--dir', 'catalog'])).toEqual({
      kind: 'catalog-apply',
      dir: 'catalog',
    });
    expect(parseCommandLine(['catalog', 'apply'])).toEqual({ kind: 'catalog-apply', dir: 'catalog' });
  });

  it('parses the data-team commands', () => {
    expect(parseCommandLine(['check', 'demo.traffic'])).toEqual({ kind: 'check', source: 'demo.traffic' });
    expect(parseCommandLine(['preview', 'demo.traffic'])).toEqual({
      kind: 'preview',
      source: 'demo.traffic',
      limit: 20,
    });
    expect(parseCommandLine(['preview', 'demo.traffic', '--limit', '5'])).toEqual({
      kind: 'preview',
      source: 'demo.traffic',
      limit: 5,
    });
    expect(parseCommandLine(['run', 'x'])).toEqual({ kind: 'run', source: 'x' });
    expect(parseCommandLine(['backfill', 'x', '--from', '2024-01-01', '--to', '2024-12-31'])).toEqual({
      kind: 'backfill',
      source: 'x',
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(parseCommandLine(['runs'])).toEqual({ kind: 'runs', source: undefined, limit: 20 });
    expect(parseCommandLine(['runs', 'x', '--limit=3'])).toEqual({ kind: 'runs', source: 'x', limit: 3 });
    expect(parseCommandLine(['schema', 'check'])).toEqual({ kind: 'schema-check' });
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['run'], /needs a source key/],
    [['run', 'a', 'b'], /unexpected argument 'b'/],
    [['catalog'], /expected: catalog apply/],
    [['schema', 'fix'], /expected: schema check/],
    [['backfill', 'x', '--from', '2024-01-01'], /--from YYYY-MM-DD and --to/],
    [['backfill', 'x', '--from', '2024-02-30', '--to', '2024-03-01'], /--from expects a date/],
    [['backfill', 'x', '--from', '2024-03-01', '--to', '2024-02-01'], /is after --to/],
    [['preview', 'x', '--limit', '0'], /positive whole number/],
    [['preview', 'x', '--limit', 'ten'], /positive whole number/],
    [['migrate', '--dir', 'x'], /does not take --dir/],
    [['run', 'x', '--bogus'], /Unknown option '--bogus'/],
    [['--limit', '3'], /needs a command/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(CliUsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});
