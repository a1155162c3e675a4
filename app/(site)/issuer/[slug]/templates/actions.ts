'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { issuerAction } from '@/lib/actions/form-action';
import { CHECK_ANSWERS } from '@/lib/actions/form-state';
import { formFieldErrorsOf } from '@/lib/awards/award-input';
import { AppError } from '@/lib/errors';
import {
  archiveTemplate,
  createTemplate,
  templateCreateSchema,
  templateUpdateSchema,
  updateTemplate,
} from '@/lib/issuers/templates';

const text = z
  .string()
  .optional()
  .transform((v) => (v ?? '').trim());

const formSchema = z.object({
  name: text,
  description: text,
  criteriaNarrative: text,
  criteriaUrl: text,
  skills: text,
  validityDays: text,
  image: z.unknown().optional(),
});

/** The API's field paths as this form's inputs. */
const FIELD_OF = {
  criteria: 'criteriaNarrative',
  'criteria.url': 'criteriaUrl',
  'criteria.narrative': 'criteriaNarrative',
};

async function candidate(form: z.infer<typeof formSchema>) {
  const image =
    form.image instanceof File && form.image.size > 0
      ? Buffer.from(await form.image.arrayBuffer()).toString('base64')
      : '';
  return {
    name: form.name,
    description: form.description,
    criteria: {
      ...(form.criteriaNarrative ? { narrative: form.criteriaNarrative } : {}),
      ...(form.criteriaUrl ? { url: form.criteriaUrl } : {}),
    },
    skills: form.skills
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    ...(form.validityDays ? { validityDays: Number(form.validityDays) } : {}),
    ...(image ? { image } : {}),
  };
}

function invalid(error: z.ZodError, extra: Record<string, string[]> = {}): AppError {
  return new AppError('invalid', CHECK_ANSWERS, {
    fieldErrors: { ...formFieldErrorsOf(error, FIELD_OF), ...extra },
  });
}

/** Creates a template from the console form: the same schema and image rules as the API. */
export const createTemplateAction = issuerAction(
  { role: 'member', schema: formSchema },
  async ({ input, db, issuer }) => {
    const values = await candidate(input);
    const parsed = templateCreateSchema.safeParse(values);
    if (!parsed.success) {
      throw invalid(parsed.error, values.image ? {} : { image: ['Choose a PNG or SVG image.'] });
    }
    await createTemplate(db, { issuerId: issuer.id, input: parsed.data });
    revalidatePath(`/issuer/${issuer.slug}`);
    redirect(`/issuer/${issuer.slug}`);
  },
);

const updateSchema = formSchema.extend({
  templateId: z.uuid({ message: 'That template does not exist.' }),
});

/** Saves changes to a template; the image changes only when a new file is chosen. */
export const updateTemplateAction = issuerAction(
  { role: 'member', schema: updateSchema },
  async ({ input, db, issuer }) => {
    const parsed = templateUpdateSchema.safeParse(await candidate(input));
    if (!parsed.success) throw invalid(parsed.error);
    await updateTemplate(db, { issuerId: issuer.id, templateId: input.templateId, input: parsed.data });
    revalidatePath(`/issuer/${issuer.slug}`);
    redirect(`/issuer/${issuer.slug}`);
  },
);

export const archiveTemplateAction = issuerAction(
  { role: 'member', schema: z.object({ templateId: z.uuid({ message: 'That template does not exist.' }) }) },
  async ({ input, db, issuer }) => {
    await archiveTemplate(db, { issuerId: issuer.id, templateId: input.templateId });
    revalidatePath(`/issuer/${issuer.slug}`);
    // The template's tile is gone; the list says which one was archived.
    redirect(`/issuer/${issuer.slug}?archived=${input.templateId}`);
  },
);
