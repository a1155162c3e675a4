import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { badgeTemplates, issuers } from '@/db/schema';
import { pngImageFor } from './template-png';

export const issuerInputSchema = z.object({
  slug: z.string().regex(/^[a-z][a-z0-9-]{1,48}[a-z0-9]$/, 'use 3–50 lowercase letters, digits and hyphens'),
  name: z.string({ message: 'is required' }).trim().min(1).max(200),
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
  email: z.email({ message: 'must be an email address' }),
  description: z.string().max(2000).optional(),
});

export type IssuerInput = {
  slug: string;
  name: string;
  url: string;
  email: string;
  description?: string;
  imageId?: string | null;
};

/** Creates the issuer, or updates the one with the same slug. */
export async function upsertIssuer(db: Executor, input: IssuerInput) {
  const [row] = await db
    .insert(issuers)
    .values(input)
    .onConflictDoUpdate({
      target: issuers.slug,
      set: {
        name: input.name,
        url: input.url,
        email: input.email,
        description: input.description ?? '',
        imageId: input.imageId ?? null,
      },
    })
    .returning();
  if (!row) throw new Error('issuer upsert returned nothing');
  return row;
}

/** The fields of `input` that differ from the stored issuer (fields not given are not compared). */
export function issuerChanges(
  existing: Pick<IssuerInput, 'name' | 'url' | 'email'> & { description: string },
  input: Partial<Pick<IssuerInput, 'name' | 'url' | 'email' | 'description'>>,
): { field: 'name' | 'url' | 'email' | 'description'; from: string; to: string }[] {
  const fields = ['name', 'url', 'email', 'description'] as const;
  return fields.flatMap((field) => {
    const to = input[field];
    return to === undefined || to === existing[field] ? [] : [{ field, from: existing[field], to }];
  });
}

/** Every issuer, by slug, for the CLI's list. */
export function listIssuers(db: Executor) {
  return db
    .select({ slug: issuers.slug, name: issuers.name, url: issuers.url })
    .from(issuers)
    .orderBy(asc(issuers.slug));
}

export async function findIssuerBySlug(db: Executor, slug: string) {
  const [row] = await db.select().from(issuers).where(eq(issuers.slug, slug));
  return row ?? null;
}

export type TemplateInput = {
  issuerId: string;
  name: string;
  description: string;
  imageId: string;
  criteriaNarrative: string;
  criteriaUrl?: string | null;
  skills?: string[];
  validityDays?: number | null;
};

/** Creates the template, or updates the issuer's template with the same name. */
export async function upsertTemplate(db: Executor, input: TemplateInput) {
  const [current] = await db
    .select({ imageId: badgeTemplates.imageId, pngImageId: badgeTemplates.pngImageId })
    .from(badgeTemplates)
    .where(and(eq(badgeTemplates.issuerId, input.issuerId), eq(badgeTemplates.name, input.name)));
  const pngImageId =
    current?.imageId === input.imageId && current.pngImageId
      ? current.pngImageId
      : await pngImageFor(db, input.imageId);
  const values = { ...input, skills: input.skills ?? [], pngImageId };
  const [row] = await db
    .insert(badgeTemplates)
    .values(values)
    .onConflictDoUpdate({ target: [badgeTemplates.issuerId, badgeTemplates.name], set: values })
    .returning();
  if (!row) throw new Error('template upsert returned nothing');
  return row;
}

/** Active templates of one issuer, for the API and the issuer page. */
export function listTemplates(db: Executor, issuerId: string) {
  return db
    .select()
    .from(badgeTemplates)
    .where(and(eq(badgeTemplates.issuerId, issuerId), isNull(badgeTemplates.archivedAt)))
    .orderBy(asc(badgeTemplates.name));
}

/** A template the issuer may award from; another issuer's or an archived one is null. */
export async function findActiveTemplate(db: Executor, input: { issuerId: string; templateId: string }) {
  const [row] = await db
    .select()
    .from(badgeTemplates)
    .where(
      and(
        eq(badgeTemplates.id, input.templateId),
        eq(badgeTemplates.issuerId, input.issuerId),
        isNull(badgeTemplates.archivedAt),
      ),
    );
  return row ?? null;
}
