'use client';

import { useActionState } from 'react';
import { type TemplateOption, TemplateSelect } from '@/components/badges/template-select';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { type BulkState, startCsvAction, validateCsvAction } from './actions';
import { BulkProgress } from './bulk-progress';

const idle: BulkState = { status: 'idle' };

export function BulkForm({ slug, templates }: { slug: string; templates: TemplateOption[] }) {
  const [checked, validate] = useActionState(validateCsvAction, idle);
  const [started, start] = useActionState(startCsvAction, idle);
  if (started.status === 'started') return <BulkProgress slug={slug} jobId={started.jobId} />;
  return (
    <div className="flex flex-col gap-6">
      <form action={validate} className="flex max-w-xl flex-col gap-4">
        <input type="hidden" name="slug" value={slug} />
        <TemplateSelect id="bulk-template" templates={templates} />
        <div className="flex flex-col gap-1">
          <label htmlFor="bulk-file" className="text-sm font-medium">
            CSV file
          </label>
          <input
            id="bulk-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="bulk-file-hint"
            className="rounded-md border border-stone-400 bg-white px-3 py-2"
          />
          <p id="bulk-file-hint" className="text-sm text-stone-700">
            Columns: email, name; optional issued, expires, evidence, narrative. Up to 10,000 rows. The file
            is checked first; nothing is awarded until you confirm.
          </p>
        </div>
        <div>
          <SubmitButton pendingLabel="Checking…">Check file</SubmitButton>
        </div>
      </form>
      {checked.status === 'error' ? (
        <div className="flex flex-col gap-2">
          <FormMessage tone="error">{checked.message}</FormMessage>
          {checked.rowErrors?.length ? (
            <ul aria-label="Problems in the file" className="list-disc pl-5 text-sm text-red-800">
              {checked.rowErrors.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: errors are listed once, in file order
                <li key={i}>
                  {e.rowNumber ? `Row ${e.rowNumber}` : 'File'}
                  {e.field ? `, ${e.field}` : ''}: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {checked.status === 'validated' ? (
        <form
          action={start}
          className="flex flex-col gap-3 rounded-md border border-green-700 bg-green-50 p-4"
        >
          <FormMessage tone="error">{started.status === 'error' ? started.message : null}</FormMessage>
          <p role="status">
            {checked.fileName}: all {checked.total} rows are valid.
          </p>
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="jobId" value={checked.jobId} />
          <div>
            <SubmitButton pendingLabel="Starting…">{`Award ${checked.total} badges`}</SubmitButton>
          </div>
        </form>
      ) : null}
    </div>
  );
}
