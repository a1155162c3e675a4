'use client';

import { useActionState, useState } from 'react';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { createTemplateAction, updateTemplateAction } from './actions';

type Preview = {
  name: string;
  description: string;
  criteriaNarrative: string;
  skills: string;
  image: string | null;
};

/** The template form with a live preview of the public badge page it will produce. */
export type TemplateDefaults = {
  id: string;
  name: string;
  description: string;
  criteriaNarrative: string;
  criteriaUrl: string;
  skills: string;
  validityDays: string;
  imageUrl: string;
};

type Props = { slug: string; issuerName: string; template?: TemplateDefaults };

const FIELDS = {
  name: { id: 'template-name', label: 'Name' },
  description: { id: 'template-description', label: 'Description' },
  criteriaNarrative: { id: 'template-criteria', label: 'Criteria' },
  criteriaUrl: { id: 'template-criteria-url', label: 'Criteria URL' },
  skills: { id: 'template-skills', label: 'Skills' },
  validityDays: { id: 'template-validity', label: 'Valid for' },
  image: { id: 'template-image', label: 'Image' },
};

export function TemplateForm({ slug, issuerName, template }: Props) {
  const [state, action] = useActionState(template ? updateTemplateAction : createTemplateAction, idle);
  const [preview, setPreview] = useState<Preview>({
    name: template?.name ?? '',
    description: template?.description ?? '',
    criteriaNarrative: template?.criteriaNarrative ?? '',
    skills: template?.skills ?? '',
    image: template?.imageUrl ?? null,
  });
  const error = state.status === 'error' ? state : undefined;
  const v = error?.values ?? template;
  const onInput = (event: React.FormEvent<HTMLFormElement>) => {
    const t = event.target as HTMLInputElement;
    if (t.name === 'image' && t.files?.[0])
      setPreview((p) => ({ ...p, image: URL.createObjectURL(t.files?.[0] as File) }));
    else if (t.name in preview) setPreview((p) => ({ ...p, [t.name]: t.value }));
  };
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <form action={action} onInput={onInput} className="flex min-w-0 flex-col gap-4" noValidate>
        <ErrorSummary state={state} fields={FIELDS} />
        <p className="text-sm text-stone-700">
          <span aria-hidden="true" className="text-red-700">
            *
          </span>{' '}
          required
        </p>
        <input type="hidden" name="slug" value={slug} />
        {template ? <input type="hidden" name="templateId" value={template.id} /> : null}
        <Field
          label="Name"
          name="name"
          id="template-name"
          required
          defaultValue={v?.name}
          errors={error?.fieldErrors?.name}
        />
        <Field
          label="Description"
          name="description"
          id="template-description"
          required
          defaultValue={v?.description}
          errors={error?.fieldErrors?.description}
        />
        <Field
          label="Criteria"
          name="criteriaNarrative"
          id="template-criteria"
          defaultValue={v?.criteriaNarrative}
          hint="How the badge is earned. Give this, a criteria URL, or both."
          errors={error?.fieldErrors?.criteriaNarrative}
        />
        <Field
          label="Criteria URL (optional)"
          name="criteriaUrl"
          id="template-criteria-url"
          type="url"
          defaultValue={v?.criteriaUrl}
          errors={error?.fieldErrors?.criteriaUrl}
        />
        <Field
          label="Skills"
          name="skills"
          id="template-skills"
          required
          defaultValue={v?.skills}
          hint="1 to 20, separated by commas."
          errors={error?.fieldErrors?.skills}
        />
        <Field
          label="Valid for (days, optional)"
          name="validityDays"
          id="template-validity"
          type="number"
          defaultValue={v?.validityDays}
          errors={error?.fieldErrors?.validityDays}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="template-image" className="text-sm font-medium">
            Image
            {template ? null : (
              <span aria-hidden="true" className="text-red-700">
                {' '}
                *
              </span>
            )}
          </label>
          <input
            id="template-image"
            name="image"
            type="file"
            accept="image/png,image/svg+xml"
            required={!template}
            aria-invalid={error?.fieldErrors?.image ? true : undefined}
            aria-describedby={`template-image-hint${error?.fieldErrors?.image ? ' template-image-error' : ''}`}
            className="max-w-full rounded-md border border-stone-400 bg-white px-3 py-2"
          />
          <p id="template-image-hint" className="text-sm text-stone-700">
            PNG or SVG, square, at least 300×300, at most 2 MB.
            {template ? ' Leave empty to keep the current image.' : ''}
          </p>
          {error?.fieldErrors?.image ? (
            <p id="template-image-error" className="text-sm font-medium text-red-700">
              {error.fieldErrors.image.join(' ')}
            </p>
          ) : null}
        </div>
        <div>
          <SubmitButton pendingLabel="Saving…">{template ? 'Save changes' : 'Create template'}</SubmitButton>
        </div>
      </form>
      <section
        aria-labelledby="preview-heading"
        className="flex flex-col gap-3 rounded-lg border border-dashed border-stone-400 bg-white p-4"
      >
        <h2 id="preview-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-700">
          Preview of the public badge page
        </h2>
        <div className="flex gap-4">
          {preview.image ? (
            // biome-ignore lint/performance/noImgElement: a local object URL of the chosen file
            <img src={preview.image} alt="" width={96} height={96} className="h-24 w-24" />
          ) : (
            <div className="h-24 w-24 rounded-full bg-stone-200" />
          )}
          <div className="flex min-w-0 flex-col gap-1 break-words [overflow-wrap:anywhere]">
            <p className="text-xl font-bold">{preview.name || 'Badge name'}</p>
            <p className="text-sm text-stone-700">Issued by {issuerName}</p>
            <p>{preview.description || 'What the earner can do.'}</p>
            {preview.criteriaNarrative ? (
              <p className="text-sm">How it was earned: {preview.criteriaNarrative}</p>
            ) : null}
            <p className="text-sm text-stone-700">{preview.skills}</p>
          </div>
        </div>
      </section>
    </div>
  );
}
