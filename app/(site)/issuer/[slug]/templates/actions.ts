'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '@/lib/actions/form-state';
import { fieldErrorsOf } from '@/lib/awards/award-input';
import { isAppError } from '@/lib/errors';
import {
  archiveTemplate,
  createTemplate,
  templateCreateSchema,
  templateUpdateSchema,
  updateTemplate,
} from '@/lib/issuers/templates';
import { issuerActionContext } from '../../console';

const uuidSchema = z.uuid();

const FIELD_OF: Record<string, string> = {
  criteria: 'criteriaNarrative',
  'criteria.url': 'criteriaUrl',
  'criteria.narrative': 'criteriaNarrative',
};

function readForm(formData: FormData) {
  const text = (key: string) => String(formData.get(key) ?? '').trim();
  return {
    slug: text('slug'),
    templateId: text('templateId'),
    values: {
      name: text('name'),
      description: text('description'),
      criteriaNarrative: text('criteriaNarrative'),
      criteriaUrl: text('criteriaUrl'),
      skills: text('skills'),
      validityDays: text('validityDays'),
    },
  };
}

async function imageOf(formData: FormData) {
  const file = formData.get('image');
  return file instanceof File && file.size > 0
    ? Buffer.from(await file.arrayBuffer()).toString('base64')
    : '';
}

function candidate(values: ReturnType<typeof readForm>['values'], image: string) {
  return {
    name: values.name,
    description: values.description,
    criteria: {
      ...(values.criteriaNarrative ? { narrative: values.criteriaNarrative } : {}),
      ...(values.criteriaUrl ? { url: values.criteriaUrl } : {}),
    },
    skills: values.skills
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    ...(values.validityDays ? { validityDays: Number(values.validityDays) } : {}),
    ...(image ? { image } : {}),
  };
}

function invalid(error: z.ZodError, values: Record<string, string>): FormState {
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fieldErrorsOf(error))) {
    const field = FIELD_OF[key] ?? key.split('.')[0] ?? key;
    fieldErrors[field] = [...(fieldErrors[field] ?? []), ...messages];
  }
  return { status: 'error', message: 'Please correct the highlighted fields.', fieldErrors, values };
}

function refused(error: unknown, values: Record<string, string>): FormState {
  if (!isAppError(error)) throw error;
  const field = /image/i.test(error.message) ? 'image' : /name/i.test(error.message) ? 'name' : undefined;
  return {
    status: 'error',
    message: error.message,
    values,
    fieldErrors: field ? { [field]: [error.message] } : undefined,
  };
}

/** Creates a template from the console form: the same schema and image rules as the API. */
export async function createTemplateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { slug, values } = readForm(formData);
  const image = await imageOf(formData);
  const parsed = templateCreateSchema.safeParse(candidate(values, image));
  if (!parsed.success) {
    const state = invalid(parsed.error, values);
    if (!image && state.status === 'error')
      state.fieldErrors = { ...state.fieldErrors, image: ['Choose a PNG or SVG image.'] };
    return state;
  }
  let done: string;
  try {
    const { db, issuer } = await issuerActionContext(slug);
    await createTemplate(db, { issuerId: issuer.id, input: parsed.data });
    done = issuer.slug;
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath(`/issuer/${done}`);
  redirect(`/issuer/${done}`);
}

/** Saves changes to a template; the image changes only when a new file is chosen. */
export async function updateTemplateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { slug, templateId, values } = readForm(formData);
  if (!uuidSchema.safeParse(templateId).success)
    return { status: 'error', message: 'That template does not exist.', values };
  const parsed = templateUpdateSchema.safeParse(candidate(values, await imageOf(formData)));
  if (!parsed.success) return invalid(parsed.error, values);
  let done: string;
  try {
    const { db, issuer } = await issuerActionContext(slug);
    await updateTemplate(db, { issuerId: issuer.id, templateId, input: parsed.data });
    done = issuer.slug;
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath(`/issuer/${done}`);
  redirect(`/issuer/${done}`);
}

export async function archiveTemplateAction(formData: FormData): Promise<void> {
  const templateId = uuidSchema.safeParse(formData.get('templateId'));
  if (!templateId.success) return;
  const { db, issuer } = await issuerActionContext(String(formData.get('slug') ?? ''));
  await archiveTemplate(db, { issuerId: issuer.id, templateId: templateId.data });
  revalidatePath(`/issuer/${issuer.slug}`);
}
