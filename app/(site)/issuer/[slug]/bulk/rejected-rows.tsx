'use client';

import { useEffect, useState } from 'react';
import type { BulkRowError } from '@/lib/bulk/parse-csv';

type Props = { fileName: string; rowErrors: BulkRowError[]; rejectedCsv: string | null };

/** The rows that will not be awarded: each problem in file order, and a CSV of them to fix. */
export function RejectedRows({ fileName, rowErrors, rejectedCsv }: Props) {
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    if (!rejectedCsv) return;
    const url = URL.createObjectURL(new Blob([rejectedCsv], { type: 'text/csv;charset=utf-8' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [rejectedCsv]);
  if (rowErrors.length === 0) return null;
  const rows = new Set(rowErrors.map((e) => e.rowNumber)).size;
  const base = fileName.replace(/\.csv$/i, '') || 'awards';
  return (
    <div className="flex flex-col gap-2">
      <ul
        aria-label="Problems in the file"
        className="list-disc pl-5 text-sm text-red-800 [overflow-wrap:anywhere]"
      >
        {rowErrors.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: errors are listed once, in file order
          <li key={i}>
            {e.rowNumber ? `Row ${e.rowNumber}` : 'File'}
            {e.field ? `, ${e.field}` : ''}: {e.message}
          </li>
        ))}
      </ul>
      {href ? (
        <a href={href} download={`${base}-rows-to-fix.csv`} className="self-start font-medium underline">
          Download the {rows === 1 ? 'row' : `${rows} rows`} with problems (CSV, with a “problem” column)
        </a>
      ) : null}
    </div>
  );
}
