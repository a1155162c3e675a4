import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor } from '@/db/client';
import { type Alignment, type BadgeTemplate, badgeTemplates } from '@/db/schema';
import { isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import { findImage, imageUrl, storeImage } from '@/lib/images/store';
import { BakeError } from '@/lib/openbadges/bake/errors';
import { renderSvgToPng } from '@/lib/openbadges/bake/render-png';
import { TEMPLATE_IMAGE_MAX_BYTES, type TemplateImage, validateTemplateImage } from './template-image';

const text = (max: number) =>
  z
    .string({ message: 'Fill this in.' })
    .trim()
    .min(1, 'Fill this in.')
    .max(max, `Keep it to ${max.toLocaleString('en')} characters or fewer.`);
const httpUrl = z
  .url({ protocol: /^https?$/, message: 'Enter a web address starting with https:// or http://.' })
  .max(2000, 'Keep the web address to 2,000 characters or fewer.');

export const alignmentSchema = z
  .object({
    targetName: text(200),
    targetUrl: httpUrl,
    targetFramework: text(200).optional(),
    targetCode: text(100).optional(),
  })
  .strict();

const criteriaSchema = z
  .object({ narrative: text(5000).optional(), url: httpUrl.optional() })
  .strict()
  .refine((c) => c.narrative || c.url, {
    message: 'Say how the badge is earned: describe it, give a web address, or both.',
  })
  .meta({ description: 'How the badge is earned: a narrative, a URL or both.', minProperties: 1 });

const skillsSchema = z
  .array(text(60), { message: 'List the skills the badge stands for.' })
  .min(1, 'Add at least one skill.')
  .max(20, 'Keep it to 20 skills or fewer.')
  .refine((skills) => new Set(skills.map((s) => s.toLowerCase())).size === skills.length, {
    message: 'A skill is listed twice; keep one.',
  });

const BASE64_MAX = Math.ceil(TEMPLATE_IMAGE_MAX_BYTES / 3) * 4;
const imageSchema = z
  .base64({ message: 'Send the image file (PNG or SVG) encoded as base64.' })
  .max(BASE64_MAX, 'The image must be 2 MB or smaller.');

const fields = {
  name: text(120),
  description: text(2000),
  criteria: criteriaSchema,
  skills: skillsSchema,
  alignments: z.array(alignmentSchema).max(20, 'Keep it to 20 alignments or fewer.'),
  validityDays: z
    .number({ message: 'Enter a whole number of days.' })
    .int('Enter a whole number of days.')
    .min(1, 'Enter at least 1 day.')
    .max(3650, 'Enter at most 3,650 days (10 years).')
    .nullable(),
  image: imageSchema,
};

/** A new badge template, as the API receives it. */
export const templateCreateSchema = z
  .object({
    ...fields,
    alignments: fields.alignments.optional(),
    validityDays: fields.validityDays.optional(),
  })
  .strict();

/** A change to a template: any of the fields; `criteria`, `skills` and `alignments` are replaced whole. */
export const templateUpdateSchema = z
  .object({
    name: fields.name.optional(),
    description: fields.description.optional(),
    criteria: fields.criteria.optional(),
    skills: fields.skills.optional(),
    alignments: fields.alignments.optional(),
    validityDays: fields.validityDays.optional(),
    image: fields.image.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'needs at least one field to change' });

export type TemplateCreateInput = z.output<typeof templateCreateSchema>;
export type TemplateUpdateInput = z.output<typeof templateUpdateSchema>;

/** A template as the issuer API shows it. */
export const templateResponseSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  imageUrl: z.url(),
  criteria: z.object({ narrative: z.string().nullable(), url: z.string().nullable() }),
  skills: z.array(z.string()),
  alignments: z.array(alignmentSchema),
  validityDays: z.number().int().nullable(),
  archivedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export function presentTemplate(t: BadgeTemplate, appUrl: string): z.output<typeof templateResponseSchema> {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    imageUrl: imageUrl(appUrl, t.imageId),
    // The column is required; a template with only a criteria URL keeps an empty narrative.
    criteria: { narrative: t.criteriaNarrative || null, url: t.criteriaUrl },
    skills: t.skills,
    alignments: t.alignments,
    validityDays: t.validityDays,
    archivedAt: t.archivedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
  };
}

export const TEMPLATE_NOT_FOUND = 'No badge template with this id belongs to your issuer.';
const nameTaken = () =>
  new AppError('conflict', 'You already have a template with this name.', {
    fieldErrors: { name: ['Another of your templates has this name; choose another.'] },
  });

type DrawnImage = TemplateImage & { png: Uint8Array | null };

/**
 * Checks an uploaded image and draws an SVG's PNG, before any transaction opens: drawing may take
 * a second, and an SVG too heavy to draw is the image field's error, like any other bad image.
 */
async function decodeImage(base64: string): Promise<DrawnImage> {
  const image = await validateTemplateImage(new Uint8Array(Buffer.from(base64, 'base64')));
  if (image.contentType === 'image/png') return { ...image, png: null };
  try {
    return { ...image, png: await renderSvgToPng(image.bytes) };
  } catch (error) {
    if (!(error instanceof BakeError)) throw error;
    throw new AppError('invalid', error.message, { fieldErrors: { image: [error.message] } });
  }
}
const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Stores a checked image with its PNG rendering (the image itself for a PNG). */
async function storeTemplateImage(db: Executor, { png, ...image }: DrawnImage) {
  const imageId = await storeImage(db, image);
  const pngImageId = png ? await storeImage(db, { contentType: 'image/png', bytes: png }) : imageId;
  return { imageId, pngImageId };
}

function columnsOf(input: Omit<TemplateUpdateInput, 'image'>) {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.criteria
      ? { criteriaNarrative: input.criteria.narrative ?? '', criteriaUrl: input.criteria.url ?? null }
      : {}),
    ...(input.skills ? { skills: input.skills } : {}),
    ...(input.alignments ? { alignments: input.alignments } : {}),
    ...(input.validityDays !== undefined ? { validityDays: input.validityDays } : {}),
  };
}

/** The fields a create request sets, in one order whatever order jsonb gives them back in. */
function comparable(t: {
  name: string;
  description: string;
  criteriaNarrative: string;
  criteriaUrl: string | null;
  skills: string[];
  alignments: Alignment[];
  validityDays: number | null;
}) {
  return JSON.stringify([
    t.name,
    t.description,
    t.criteriaNarrative,
    t.criteriaUrl,
    t.skills,
    t.alignments.map((a) => [a.targetName, a.targetUrl, a.targetFramework ?? null, a.targetCode ?? null]),
    t.validityDays,
  ]);
}

function rowValues(issuerId: string, input: TemplateCreateInput) {
  return {
    issuerId,
    name: input.name,
    description: input.description,
    criteriaNarrative: input.criteria.narrative ?? '',
    criteriaUrl: input.criteria.url ?? null,
    skills: input.skills,
    alignments: input.alignments ?? [],
    validityDays: input.validityDays ?? null,
  };
}

/**
 * Creates a template for the issuer. Names are unique per issuer, so a retried request cannot
 * create a second one: with an Idempotency-Key, a retry identical to the template already there
 * (same fields, same image bytes) is answered with it as a replay; anything else with that name
 * is a 409.
 */
export async function createTemplate(
  db: Db,
  opts: { issuerId: string; input: TemplateCreateInput; idempotencyKey?: string | null },
): Promise<{ template: BadgeTemplate; isReplay: boolean }> {
  const values = rowValues(opts.issuerId, opts.input);
  const image = await decodeImage(opts.input.image);
  const replayOf = async () => {
    const [existing] = await db
      .select()
      .from(badgeTemplates)
      .where(and(eq(badgeTemplates.issuerId, opts.issuerId), eq(badgeTemplates.name, values.name)));
    if (!existing) return null;
    if (opts.idempotencyKey && !existing.archivedAt && comparable(existing) === comparable(values)) {
      const stored = await findImage(db, existing.imageId);
      if (stored && digest(stored.bytes) === digest(image.bytes))
        return { template: existing, isReplay: true };
    }
    throw nameTaken();
  };
  const early = await replayOf();
  if (early) return early;
  try {
    const template = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(badgeTemplates)
        .values({ ...values, ...(await storeTemplateImage(tx, image)) })
        .returning();
      if (!row) throw new Error('template insert returned nothing');
      return row;
    });
    return { template, isReplay: false };
  } catch (error) {
    // A concurrent request took the name first.
    if (isUniqueViolation(error)) {
      const late = await replayOf();
      if (late) return late;
    }
    throw error;
  }
}

/** The issuer's template, archived or not; another issuer's is not found. */
export async function getTemplate(db: Executor, input: { issuerId: string; templateId: string }) {
  const [row] = await db
    .select()
    .from(badgeTemplates)
    .where(and(eq(badgeTemplates.id, input.templateId), eq(badgeTemplates.issuerId, input.issuerId)));
  if (!row) throw new AppError('not_found', TEMPLATE_NOT_FOUND);
  return row;
}

export function listIssuerTemplates(db: Executor, input: { issuerId: string; includeArchived?: boolean }) {
  return db
    .select()
    .from(badgeTemplates)
    .where(
      and(
        eq(badgeTemplates.issuerId, input.issuerId),
        input.includeArchived ? undefined : isNull(badgeTemplates.archivedAt),
      ),
    )
    .orderBy(asc(badgeTemplates.name), asc(badgeTemplates.id));
}

/**
 * Changes a template. Awards already made keep pointing at it, so their hosted badge class shows
 * the change too (Open Badges 2.0 hosted verification reads the current class). Archived
 * templates are frozen.
 */
export async function updateTemplate(
  db: Db,
  opts: { issuerId: string; templateId: string; input: TemplateUpdateInput },
) {
  const { image: base64, ...rest } = opts.input;
  // Validate before opening a transaction: a bad image is a 400 whatever the template's state.
  const image = base64 ? await decodeImage(base64) : null;
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(badgeTemplates)
        .where(and(eq(badgeTemplates.id, opts.templateId), eq(badgeTemplates.issuerId, opts.issuerId)))
        .for('update');
      if (!current) throw new AppError('not_found', TEMPLATE_NOT_FOUND);
      if (current.archivedAt)
        throw new AppError('conflict', 'This template is archived and can no longer change.');
      const stored = image ? await storeTemplateImage(tx, image) : null;
      const [row] = await tx
        .update(badgeTemplates)
        .set({
          ...columnsOf(rest),
          ...(stored ? { imageId: stored.imageId, pngImageId: stored.pngImageId } : {}),
        })
        .where(eq(badgeTemplates.id, current.id))
        .returning();
      if (!row) throw new Error('template update returned nothing');
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/**
 * Archives a template: nothing more can be awarded from it, and existing awards stay valid.
 * Archiving again returns the template as it is, so a retried request is harmless.
 */
export async function archiveTemplate(db: Executor, input: { issuerId: string; templateId: string }) {
  const [row] = await db
    .update(badgeTemplates)
    .set({ archivedAt: sql`now()` })
    .where(
      and(
        eq(badgeTemplates.id, input.templateId),
        eq(badgeTemplates.issuerId, input.issuerId),
        isNull(badgeTemplates.archivedAt),
      ),
    )
    .returning();
  return row ?? getTemplate(db, input);
}
