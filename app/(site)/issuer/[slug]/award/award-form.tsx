'use client';

import { useActionState } from 'react';
import { type TemplateOption, TemplateSelect } from '@/components/badges/template-select';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { awardOneAction } from './actions';

type Props = { slug: string; templates: TemplateOption[]; selected?: string };

const FIELDS = {
  templateId: { id: 'award-template', label: 'Badge' },
  email: { id: 'award-email', label: 'Recipient email' },
  name: { id: 'award-name', label: 'Recipient name' },
  issuedAt: { id: 'award-issued', label: 'Issued on' },
  expiresAt: { id: 'award-expires', label: 'Expires on' },
  evidenceUrl: { id: 'award-evidence-url', label: 'Evidence URL' },
  evidenceNarrative: { id: 'award-evidence-note', label: 'Evidence note' },
};

export function AwardForm({ slug, templates, selected }: Props) {
  const [state, action] = useActionState(awardOneAction, idle);
  const error = state.status === 'error' ? state : undefined;
  const v = error?.values;
  return (
    <form action={action} className="flex max-w-xl min-w-0 flex-col gap-4" noValidate>
      <FormMessage tone="success">{state.status === 'success' ? state.message : null}</FormMessage>
      <ErrorSummary state={state} fields={FIELDS} />
      <p className="text-sm text-stone-700">
        <span aria-hidden="true" className="text-red-700">
          *
        </span>{' '}
        required
      </p>
      <input type="hidden" name="slug" value={slug} />
      <TemplateSelect
        id="award-template"
        templates={templates}
        defaultValue={v?.templateId ?? selected}
        errors={error?.fieldErrors?.templateId}
      />
      <Field
        label="Recipient email"
        name="email"
        id="award-email"
        type="email"
        required
        defaultValue={v?.email}
        errors={error?.fieldErrors?.email}
      />
      <Field
        label="Recipient name"
        name="name"
        id="award-name"
        required
        defaultValue={v?.name}
        errors={error?.fieldErrors?.name}
      />
      <Field
        label="Issued on (optional)"
        name="issuedAt"
        id="award-issued"
        type="date"
        hint="Today when empty."
        errors={error?.fieldErrors?.issuedAt}
      />
      <Field
        label="Expires on (optional)"
        name="expiresAt"
        id="award-expires"
        type="date"
        hint="When empty, the template's validity period applies."
        errors={error?.fieldErrors?.expiresAt}
      />
      <Field
        label="Evidence URL (optional)"
        name="evidenceUrl"
        id="award-evidence-url"
        type="url"
        defaultValue={v?.evidenceUrl}
        errors={error?.fieldErrors?.evidenceUrl}
      />
      <Field
        label="Evidence note (optional)"
        name="evidenceNarrative"
        id="award-evidence-note"
        defaultValue={v?.evidenceNarrative}
        errors={error?.fieldErrors?.evidenceNarrative}
      />
      <div>
        <SubmitButton pendingLabel="Awarding…">Award badge</SubmitButton>
      </div>
    </form>
  );
}
