import { describe, expect, it } from 'vitest';
import { type BulkRowError, MAX_BULK_ROWS, type ParsedBulkRow, readAwardCsv } from './parse-csv';

/** Everything the stream yields; a problem with the whole file stands alone, as createBulkJob reports it. */
async function parseAwardCsv(text: string | ReadableStream<Uint8Array>) {
  const rows: ParsedBulkRow[] = [];
  const errors: BulkRowError[] = [];
  for await (const item of readAwardCsv(text)) {
    if ('row' in item) rows.push(item.row);
    else if ('rejected' in item) errors.push(...item.rejected.errors);
    else if ('error' in item) return { rows: [], errors: [item.error] };
  }
  return { rows, errors };
}

const rowsOf = (n: number) =>
  ['email,name', ...Array.from({ length: n }, (_, i) => `learner${i}@example.test,Learner ${i}`)].join('\n');

describe('readAwardCsv', () => {
  it('reads a spreadsheet export: BOM, CRLF, header aliases in any case, quoted commas and newlines', async () => {
    const text =
      '\uFEFFE-mail,Full Name,Issue Date,EXPIRY,evidence_url,Evidence Narrative,Notes\r\n' +
      'ADA@Example.test,"Lovelace, Ada",2024-03-01,2026-03-01T12:00:00+02:00,https://ex.test/a,"Built it,\r\nthen tested it",x\r\n' +
      '\r\n' +
      'grace@example.test,Grace Hopper,,,,,\r\n';
    const { rows, errors } = await parseAwardCsv(text);
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

  it('lists every bad row with its spreadsheet row number, column and reason', async () => {
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
    const { rows, errors } = await parseAwardCsv(text);
    expect(rows.map((r) => r.rowNumber)).toEqual([8]);
    expect(errors).toEqual([
      { rowNumber: 2, field: 'email', message: 'Enter an email address like name@example.com.' },
      { rowNumber: 3, field: 'name', message: 'Enter the recipient’s name.' },
      { rowNumber: 4, field: 'expires', message: 'The expiry date must be after the issue date.' },
      {
        rowNumber: 5,
        field: 'issued',
        message: 'Enter a date like 2025-06-30, or a date and time with a time zone.',
      },
      { rowNumber: 5, field: 'evidence', message: 'Enter a web address starting with https:// or http://.' },
      {
        rowNumber: 6,
        field: 'issued',
        message: 'Enter a date like 2025-06-30, or a date and time with a time zone.',
      },
      { rowNumber: 7, field: 'issued', message: 'The issue date cannot be in the future.' },
    ]);
  });

  it('refuses, in one file-level message, a header without an email or name column', async () => {
    const { rows, errors } = await parseAwardCsv('Recipient,Badge\nada@example.test,Linux\n');
    expect(rows).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rowNumber: null });
    expect(errors[0]?.message).toContain('no email or name column');
    expect(errors[0]?.message).toContain('"Recipient", "Badge"');
  });

  it('refuses empty files, header-only files and broken quoting as a whole', async () => {
    for (const text of ['', '\uFEFF', '\r\n\r\n', 'email,name\r\n', 'email,name\n"ada@example.test,Ada\n']) {
      const { rows, errors } = await parseAwardCsv(text);
      expect(rows).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.rowNumber).toBeNull();
    }
    expect((await parseAwardCsv('')).errors[0]?.message).toMatch(/empty/);
    expect((await parseAwardCsv('email,name\n')).errors[0]?.message).toMatch(/no rows/);
    expect((await parseAwardCsv('email,name\n"a,b\n')).errors[0]?.message).toMatch(/not valid CSV/);
  });

  it(`accepts ${MAX_BULK_ROWS} rows and refuses one more`, async () => {
    const atLimit = await parseAwardCsv(rowsOf(MAX_BULK_ROWS));
    expect(atLimit.errors).toEqual([]);
    expect(atLimit.rows).toHaveLength(MAX_BULK_ROWS);
    expect(atLimit.rows.at(-1)?.rowNumber).toBe(MAX_BULK_ROWS + 1);

    const over = await parseAwardCsv(rowsOf(MAX_BULK_ROWS + 1));
    expect(over.rows).toEqual([]);
    expect(over.errors).toEqual([{ rowNumber: null, message: expect.stringContaining('at most 10,000') }]);
  });

  it('reads a file as it streams in, split anywhere, even inside a quoted cell', async () => {
    const text = 'email,name\nada@example.test,"Lovelace, Ada"\nbob@example.test,Bob\n';
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 7) controller.enqueue(bytes.slice(i, i + 7));
        controller.close();
      },
    });
    expect(await parseAwardCsv(stream)).toEqual(await parseAwardCsv(text));
    expect((await parseAwardCsv(text)).rows.map((r) => r.input.name)).toEqual(['Lovelace, Ada', 'Bob']);
  });
});
