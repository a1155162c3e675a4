import { describe, expect, it } from 'vitest';
import { MAX_BULK_ROWS, parseAwardCsv } from './parse-csv';

const rowsOf = (n: number) =>
  ['email,name', ...Array.from({ length: n }, (_, i) => `learner${i}@example.test,Learner ${i}`)].join('\n');

describe('parseAwardCsv', () => {
  it('reads a spreadsheet export: BOM, CRLF, header aliases in any case, quoted commas and newlines', () => {
    const text =
      '\uFEFFE-mail,Full Name,Issue Date,EXPIRY,evidence_url,Evidence Narrative,Notes\r\n' +
      'ADA@Example.test,"Lovelace, Ada",2024-03-01,2026-03-01T12:00:00+02:00,https://ex.test/a,"Built it,\r\nthen tested it",x\r\n' +
      '\r\n' +
      'grace@example.test,Grace Hopper,,,,,\r\n';
    const { rows, errors } = parseAwardCsv(text);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        rowNumber: 2,
        input: {
          email: 'ada@example.test',
          name: 'Lovelace, Ada',
          issuedAt: '2024-03-01T00:00:00.000Z',
          expiresAt: '2026-03-01T10:00:00.000Z',
          evidenceUrl: 'https://ex.test/a',
          evidenceNarrative: 'Built it,\r\nthen tested it',
        },
      },
      // The blank line is row 3 in a spreadsheet, so Grace is row 4.
      { rowNumber: 4, input: { email: 'grace@example.test', name: 'Grace Hopper' } },
    ]);
  });

  it('lists every bad row with its spreadsheet row number, column and reason', () => {
    const text = [
      'email,name,issued,expires,evidence',
      'not-an-email,Ada,,,',
      'b@example.test,,,,',
      'c@example.test,Cy,2024-05-01,2024-04-01,',
      'd@example.test,Di,2024-02-30,,ftp://files.test/x',
      'e@example.test,Ed,2024-05-01T10:00:00,,',
      'f@example.test,Fe,2999-01-01,,',
      'ok@example.test,Ok,,,',
    ].join('\n');
    const { rows, errors } = parseAwardCsv(text);
    expect(rows.map((r) => r.rowNumber)).toEqual([8]);
    expect(errors).toEqual([
      { rowNumber: 2, field: 'email', message: 'must be an email address' },
      { rowNumber: 3, field: 'name', message: 'is required' },
      { rowNumber: 4, field: 'expires', message: 'must be after the issued date' },
      {
        rowNumber: 5,
        field: 'issued',
        message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a time zone',
      },
      { rowNumber: 5, field: 'evidence', message: 'must be an http(s) URL' },
      {
        rowNumber: 6,
        field: 'issued',
        message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a time zone',
      },
      { rowNumber: 7, field: 'issued', message: 'cannot be in the future' },
    ]);
  });

  it('flags a repeated address (ignoring case) on the later row only', () => {
    const text = 'email,name\nada@example.test,Ada\nbob@example.test,Bob\nAda@Example.TEST,Ada again\n';
    const { rows, errors } = parseAwardCsv(text);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(errors).toEqual([
      { rowNumber: 4, field: 'email', message: 'ada@example.test is already on row 2' },
    ]);
  });

  it('refuses, in one file-level message, a header without an email or name column', () => {
    const { rows, errors } = parseAwardCsv('Recipient,Badge\nada@example.test,Linux\n');
    expect(rows).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rowNumber: null });
    expect(errors[0]?.message).toContain('no email or name column');
    expect(errors[0]?.message).toContain('"Recipient", "Badge"');
  });

  it('refuses empty files, header-only files and broken quoting as a whole', () => {
    for (const text of ['', '\uFEFF', '\r\n\r\n', 'email,name\r\n', 'email,name\n"ada@example.test,Ada\n']) {
      const { rows, errors } = parseAwardCsv(text);
      expect(rows).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.rowNumber).toBeNull();
    }
    expect(parseAwardCsv('').errors[0]?.message).toMatch(/empty/);
    expect(parseAwardCsv('email,name\n').errors[0]?.message).toMatch(/no rows/);
    expect(parseAwardCsv('email,name\n"a,b\n').errors[0]?.message).toMatch(/not valid CSV/);
  });

  it(`accepts ${MAX_BULK_ROWS} rows and refuses one more`, () => {
    const atLimit = parseAwardCsv(rowsOf(MAX_BULK_ROWS));
    expect(atLimit.errors).toEqual([]);
    expect(atLimit.rows).toHaveLength(MAX_BULK_ROWS);
    expect(atLimit.rows.at(-1)?.rowNumber).toBe(MAX_BULK_ROWS + 1);

    const over = parseAwardCsv(rowsOf(MAX_BULK_ROWS + 1));
    expect(over.rows).toEqual([]);
    expect(over.errors).toEqual([{ rowNumber: null, message: expect.stringContaining('at most 10,000') }]);
  });
});
