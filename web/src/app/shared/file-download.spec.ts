import { tableToCsv } from './file-download';

describe('tableToCsv', () => {
  it('quotes cells with commas, quotes and line breaks and joins rows with CRLF', () => {
    expect(
      tableToCsv({
        columns: ['区', 'Value'],
        rows: [
          ['Central, old town', '1,234.5 km'],
          ['East', 'say "hi"'],
          ['North', 'a\nb'],
        ],
      }),
    ).toBe('区,Value\r\n"Central, old town","1,234.5 km"\r\nEast,"say ""hi"""\r\nNorth,"a\nb"');
  });
});
