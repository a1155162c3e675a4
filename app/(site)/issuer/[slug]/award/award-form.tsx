'use client';

import { useActionState } from 'react';
import { type TemplateOption, TemplateSelect } from '@/components/badges/template-select';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { awardOneAction } from './actions';

type Props = { slug: string; templates: TemplateOption[]; selected?: string };

export function AwardForm({ slug, templates, selected }: Props) {
  const [state, action] = useActionState(awardOneAction, idle);
  const error = state.status === 'error' ? state : undefined;
  const v = error?.values;
  return (
    <form action={action} className="flex max-w-xl flex-col gap-4" noValidate>
      <FormMessage tone={state.status === 'success' ? 'success' : 'error'}>
        {state.status === 'idle' ? null : state.message}
      </FormMessage>
      <input type="hidden" name="slug" value={slug} />
      <TemplateSelect id="award-template" templates={templates} defaultValue={v?.templateId ?? selected} />
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
      />
      <div>
        <SubmitButton pendingLabel="Awarding…">Award badge</SubmitButton>
      </div>
    </form>
  );
}
