'use client';

import { useActionState } from 'react';
import { type TemplateOption, TemplateSelect } from '@/components/badges/template-select';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { type BulkState, startCsvAction, validateCsvAction } from './actions';
import { BulkProgress } from './bulk-progress';
import { RejectedRows } from './rejected-rows';

const idle: BulkState = { status: 'idle' };
const FIELDS = {
  templateId: { id: 'bulk-template', label: 'Badge' },
  file: { id: 'bulk-file', label: 'CSV file' },
};

/** Check a file, then award its good rows (leaving the bad ones out, to fix), then follow progress. */
export function BulkForm({ slug, templates }: { slug: string; templates: TemplateOption[] }) {
  const [checked, validate] = useActionState(validateCsvAction, idle);
  const [started, start] = useActionState(startCsvAction, idle);
  if (started.status === 'started') return <BulkProgress slug={slug} jobId={started.jobId} />;
  const fileErrors = checked.status === 'error' ? checked.fieldErrors?.file : undefined;
  return (
    <div className="flex min-w-0 flex-col gap-6">
      <form action={validate} className="flex max-w-xl min-w-0 flex-col gap-4" noValidate>
        <ErrorSummary state={checked} fields={FIELDS} />
        <input type="hidden" name="slug" value={slug} />
        <TemplateSelect
          id={FIELDS.templateId.id}
          templates={templates}
          errors={checked.status === 'error' ? checked.fieldErrors?.templateId : undefined}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor={FIELDS.file.id} className="text-sm font-medium">
            CSV file
            <span aria-hidden="true" className="text-red-700">
              {' '}
              *
            </span>
          </label>
          <input
            id={FIELDS.file.id}
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-invalid={fileErrors ? true : undefined}
            aria-describedby={`bulk-file-hint${fileErrors ? ' bulk-file-error' : ''}`}
            className="max-w-full rounded-md border border-stone-400 bg-white px-3 py-2"
          />
          <p id="bulk-file-hint" className="text-sm text-stone-700">
            Columns: email, name; optional issued, expires, evidence, narrative. Up to 10,000 rows. The file
            is checked first; nothing is awarded until you confirm.
          </p>
          {fileErrors ? (
            <p id="bulk-file-error" className="text-sm font-medium text-red-700">
              {fileErrors.join(' ')}
            </p>
          ) : null}
        </div>
        <div>
          <SubmitButton pendingLabel="Checking…">Check file</SubmitButton>
        </div>
      </form>
      {checked.status === 'error' && checked.rowErrors ? (
        <RejectedRows
          fileName={checked.fileName ?? ''}
          rowErrors={checked.rowErrors}
          rejectedCsv={checked.rejectedCsv ?? null}
        />
      ) : null}
      {checked.status === 'validated' ? (
        <form
          action={start}
          className="flex flex-col gap-3 rounded-md border border-green-700 bg-green-50 p-4 [overflow-wrap:anywhere]"
        >
          <FormMessage tone="error">{started.status === 'error' ? started.message : null}</FormMessage>
          <p role="status">{checkedSummary(checked)}</p>
          <RejectedRows
            fileName={checked.fileName}
            rowErrors={checked.rowErrors}
            rejectedCsv={checked.rejectedCsv}
          />
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="jobId" value={checked.jobId} />
          <div>
            <SubmitButton pendingLabel="Starting…">
              {checked.rowErrors.length > 0
                ? `Award the ${checked.total} valid ${checked.total === 1 ? 'row' : 'rows'}`
                : `Award ${checked.total} ${checked.total === 1 ? 'badge' : 'badges'}`}
            </SubmitButton>
          </div>
          {checked.rowErrors.length > 0 ? (
            <p className="text-sm text-stone-700">
              Or fix the file and check it again: nothing is awarded until you press the button.
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

function checkedSummary(checked: Extract<BulkState, { status: 'validated' }>) {
  const left = new Set(checked.rowErrors.map((e) => e.rowNumber)).size;
  if (left === 0) return `${checked.fileName}: all ${checked.total} rows are valid.`;
  const rows = (n: number) => (n === 1 ? '1 row' : `${n} rows`);
  return `${checked.fileName}: ${rows(checked.total)} can be awarded. ${rows(left)} ${left === 1 ? 'has' : 'have'} problems and will be left out:`;
}
