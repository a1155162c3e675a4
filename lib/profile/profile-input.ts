import { z } from 'zod';
import { nameSchema } from '@/lib/accounts/account-input';
import { handleSchema } from './handle';

export const HEADLINE_MAX = 120;

export const headlineSchema = z
  .string()
  .trim()
  .max(HEADLINE_MAX, `Keep your headline to ${HEADLINE_MAX} characters or fewer.`);

/** A checkbox: present ("on") when ticked, absent when not. */
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

/** An empty handle means "no handle". */
const optionalHandle = z.preprocess(
  (v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v),
  handleSchema.nullable(),
);

export const profileFormSchema = z.object({
  name: nameSchema,
  handle: optionalHandle,
  headline: headlineSchema.default(''),
  isProfilePublic: checkbox,
});

export const optOutFormSchema = z.object({ optedOut: checkbox });

/** Upload or remove; the file itself is checked by setProfilePhoto, by content. */
export const photoFormSchema = z.object({
  intent: z.enum(['upload', 'remove']).default('upload'),
  photo: z.unknown().optional(),
});
