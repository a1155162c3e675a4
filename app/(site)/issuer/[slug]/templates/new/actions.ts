'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import type { FormState } from '@/lib/actions/form-state';
import { getCurrentUser } from '@/lib/auth/session';
import { fieldErrorsOf } from '@/lib/awards/award-input';
import { isAppError } from '@/lib/errors';
import { requireIssuerRole } from '@/lib/issuers/members';
import { createTemplate, templateCreateSchema } from '@/lib/issuers/templates';

const FIELD_OF: Record<string, string> = {
  criteria: 'criteriaNarrative',
  'criteria.url': 'criteriaUrl',
  'criteria.narrative': 'criteriaNarrative',
};

/** Creates a template from the console form: the same schema and image rules as the API. */
export async function createTemplateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const text = (key: string) => String(formData.get(key) ?? '').trim();
  const values = {
    name: text('name'),
    description: text('description'),
    criteriaNarrative: text('criteriaNarrative'),
    criteriaUrl: text('criteriaUrl'),
    skills: text('skills'),
    validityDays: text('validityDays'),
  };
  const file = formData.get('image');
  const image =
    file instanceof File && file.size > 0 ? Buffer.from(await file.arrayBuffer()).toString('base64') : '';
  const parsed = templateCreateSchema.safeParse({
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
    image,
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const [key, messages] of Object.entries(fieldErrorsOf(parsed.error))) {
      const field = FIELD_OF[key] ?? key.split('.')[0] ?? key;
      fieldErrors[field] = [...(fieldErrors[field] ?? []), ...messages];
    }
    if (!image) fieldErrors.image = ['Choose a PNG or SVG image.'];
    return { status: 'error', message: 'Please correct the highlighted fields.', fieldErrors, values };
  }
  const user = await getCurrentUser();
  if (!user) return { status: 'error', message: 'Your session has ended. Sign in again.', values };
  const db = await getDb();
  let slug: string;
  try {
    const { issuer } = await requireIssuerRole(db, { userId: user.id, slug: text('slug') });
    slug = issuer.slug;
    await createTemplate(db, { issuerId: issuer.id, input: parsed.data });
  } catch (error) {
    if (isAppError(error)) {
      const field = /image/i.test(error.message) ? 'image' : /name/i.test(error.message) ? 'name' : undefined;
      return {
        status: 'error',
        message: error.message,
        values,
        fieldErrors: field ? { [field]: [error.message] } : undefined,
      };
    }
    throw error;
  }
  revalidatePath(`/issuer/${slug}`);
  redirect(`/issuer/${slug}?created=1`);
}
