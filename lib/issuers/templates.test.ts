import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { fieldErrorsOf } from '@/lib/awards/award-input';
import { createAward } from '@/lib/awards/create-award';
import { findImage } from '@/lib/images/store';
import { heavyFilters } from '@/lib/openbadges/bake/hostile-images';
import { makeIssuer, testConfig, uniqueEmail } from '@/test/factories';
import {
  archiveTemplate,
  createTemplate,
  getTemplate,
  listIssuerTemplates,
  presentTemplate,
  templateCreateSchema,
  templateResponseSchema,
  templateUpdateSchema,
  updateTemplate,
} from './templates';

const pngBase64 = async (size = 300, background = '#146c43') =>
  (
    await sharp({ create: { width: size, height: size, channels: 4, background } })
      .png()
      .toBuffer()
  ).toString('base64');
const svgBase64 = (body = '') =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">${body}</svg>`).toString(
    'base64',
  );

async function validInput(overrides: Record<string, unknown> = {}) {
  return templateCreateSchema.parse({
    name: 'Network Defender',
    description: 'Hardened a small network against common attacks.',
    criteria: { narrative: 'Pass the graded lab.', url: 'https://labs.example/criteria/defender' },
    skills: ['Networking', 'Firewalls'],
    alignments: [
      { targetName: 'NICE K0001', targetUrl: 'https://niccs.example/k0001', targetFramework: 'NICE' },
    ],
    validityDays: 730,
    image: await pngBase64(),
    ...overrides,
  });
}

describe('template input', () => {
  it('names every bad field', () => {
    const parsed = templateCreateSchema.safeParse({
      name: 'x'.repeat(121),
      description: '',
      criteria: {},
      skills: ['ok', 'y'.repeat(61), 'OK'],
      alignments: [{ targetName: 'A', targetUrl: 'ftp://nope' }],
      validityDays: 0,
      image: 'not base64!',
      colour: 'green',
    });
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsOf(parsed.error ?? (null as never));
    expect(Object.keys(errors).sort()).toEqual(
      [
        'alignments.0.targetUrl',
        'colour',
        'criteria',
        'description',
        'image',
        'name',
        'skills',
        'skills.1',
        'validityDays',
      ].sort(),
    );
    expect(errors.name).toEqual(['Keep it to 120 characters or fewer.']);
    expect(errors.skills).toEqual(['A skill is listed twice; keep one.']);
  });

  it('needs at least one skill and at most 20, and an update at least one field', () => {
    const skills = (n: number) => Array.from({ length: n }, (_, i) => `skill ${i}`);
    expect(templateCreateSchema.shape.skills.safeParse(skills(0)).success).toBe(false);
    expect(templateCreateSchema.shape.skills.safeParse(skills(20)).success).toBe(true);
    expect(templateCreateSchema.shape.skills.safeParse(skills(21)).success).toBe(false);
    expect(templateUpdateSchema.safeParse({}).success).toBe(false);
    expect(templateUpdateSchema.safeParse({ criteria: { url: 'https://labs.example/c' } }).success).toBe(
      true,
    );
  });
});

describe('templates', () => {
  it('creates a template with its image and a PNG, shown as the API documents it', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const { template, isReplay } = await createTemplate(db, {
      issuerId: issuer.id,
      input: await validInput(),
    });
    expect(isReplay).toBe(false);
    expect(template.pngImageId).toBe(template.imageId);
    const shown = templateResponseSchema.parse(presentTemplate(template, testConfig.appUrl));
    expect(shown).toMatchObject({
      name: 'Network Defender',
      criteria: { narrative: 'Pass the graded lab.', url: 'https://labs.example/criteria/defender' },
      skills: ['Networking', 'Firewalls'],
      alignments: [
        { targetName: 'NICE K0001', targetUrl: 'https://niccs.example/k0001', targetFramework: 'NICE' },
      ],
      validityDays: 730,
      archivedAt: null,
      imageUrl: `${testConfig.appUrl}/images/${template.imageId}`,
    });
  });

  it('stores an SVG sanitised, with a PNG rendering beside it', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const input = await validInput({
      image: svgBase64('<script>alert(1)</script><circle cx="200" cy="200" r="190" fill="#146c43"/>'),
      criteria: { url: 'https://labs.example/criteria' },
    });
    const { template } = await createTemplate(db, { issuerId: issuer.id, input });
    const svg = await findImage(db, template.imageId);
    expect(svg?.contentType).toBe('image/svg+xml');
    expect(Buffer.from(svg?.bytes ?? []).toString()).not.toContain('script');
    const png = await findImage(db, template.pngImageId ?? '');
    expect(png?.contentType).toBe('image/png');
    expect(presentTemplate(template, testConfig.appUrl).criteria).toEqual({
      narrative: null,
      url: 'https://labs.example/criteria',
    });
  });

  it('refuses a bad image with the reason, and stores nothing', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const wide = (
      await sharp({ create: { width: 600, height: 300, channels: 4, background: '#000' } })
        .png()
        .toBuffer()
    ).toString('base64');
    await expect(
      createTemplate(db, { issuerId: issuer.id, input: await validInput({ image: wide }) }),
    ).rejects.toMatchObject({ code: 'invalid', message: 'The image must be square; this one is 600×300.' });
    expect(await listIssuerTemplates(db, { issuerId: issuer.id })).toHaveLength(1);
  });

  it('an SVG too heavy to draw is the image field’s error, and nothing is stored', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const heavy = Buffer.from(heavyFilters()).toString('base64');
    const message = 'This SVG image is too complex to draw; simplify it and try again';
    await expect(
      createTemplate(db, { issuerId: issuer.id, input: await validInput({ image: heavy }) }),
    ).rejects.toMatchObject({ code: 'invalid', message, details: { fieldErrors: { image: [message] } } });
    expect(await listIssuerTemplates(db, { issuerId: issuer.id })).toHaveLength(1);
  });

  it('a name is the issuer’s own: a duplicate is a conflict, an identical retry with a key is a replay', async () => {
    const db = await getDb();
    const a = await makeIssuer(db);
    const b = await makeIssuer(db);
    const input = await validInput();
    const first = await createTemplate(db, { issuerId: a.issuer.id, input, idempotencyKey: 'k1' });
    const retry = await createTemplate(db, { issuerId: a.issuer.id, input, idempotencyKey: 'k1' });
    expect(retry).toEqual({ template: first.template, isReplay: true });
    await expect(createTemplate(db, { issuerId: a.issuer.id, input })).rejects.toMatchObject({
      code: 'conflict',
      details: { fieldErrors: { name: ['Another of your templates has this name; choose another.'] } },
    });
    const changed = { ...input, description: 'Something else.' };
    await expect(
      createTemplate(db, { issuerId: a.issuer.id, input: changed, idempotencyKey: 'k1' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const otherImage = { ...input, image: await pngBase64(300, '#ff0000') };
    await expect(
      createTemplate(db, { issuerId: a.issuer.id, input: otherImage, idempotencyKey: 'k1' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const theirs = await createTemplate(db, { issuerId: b.issuer.id, input });
    expect(theirs.template.id).not.toBe(first.template.id);
  });

  it('updates only the fields given, and a new image gets a new PNG', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const { template } = await createTemplate(db, { issuerId: issuer.id, input: await validInput() });
    const updated = await updateTemplate(db, {
      issuerId: issuer.id,
      templateId: template.id,
      input: templateUpdateSchema.parse({
        description: 'New words.',
        validityDays: null,
        image: svgBase64(),
      }),
    });
    expect(updated).toMatchObject({
      name: template.name,
      description: 'New words.',
      validityDays: null,
      skills: template.skills,
      alignments: template.alignments,
    });
    expect(updated.imageId).not.toBe(template.imageId);
    expect(updated.pngImageId).not.toBe(updated.imageId);
    expect((await findImage(db, updated.pngImageId ?? ''))?.contentType).toBe('image/png');
  });

  it('renaming onto another template’s name is a conflict', async () => {
    const db = await getDb();
    const { issuer, template: existing } = await makeIssuer(db);
    const { template } = await createTemplate(db, { issuerId: issuer.id, input: await validInput() });
    await expect(
      updateTemplate(db, { issuerId: issuer.id, templateId: template.id, input: { name: existing.name } }),
    ).rejects.toMatchObject({ code: 'conflict', details: { fieldErrors: { name: expect.any(Array) } } });
  });

  it('archiving stops new awards, is repeatable, and freezes the template', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const archived = await archiveTemplate(db, {
      issuerId: issued.issuer.id,
      templateId: issued.template.id,
    });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    const again = await archiveTemplate(db, { issuerId: issued.issuer.id, templateId: issued.template.id });
    expect(again.archivedAt).toEqual(archived.archivedAt);
    await expect(
      createAward({
        db,
        config: testConfig,
        issuer: issued.issuer,
        input: { templateId: issued.template.id, recipient: { email: uniqueEmail(), name: 'Ada' } },
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      updateTemplate(db, {
        issuerId: issued.issuer.id,
        templateId: issued.template.id,
        input: { description: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await listIssuerTemplates(db, { issuerId: issued.issuer.id })).toEqual([]);
    expect(await listIssuerTemplates(db, { issuerId: issued.issuer.id, includeArchived: true })).toHaveLength(
      1,
    );
  });

  it('another issuer’s template is not found for get, update and archive', async () => {
    const db = await getDb();
    const mine = await makeIssuer(db);
    const theirs = await makeIssuer(db);
    const target = { issuerId: mine.issuer.id, templateId: theirs.template.id };
    await expect(getTemplate(db, target)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateTemplate(db, { ...target, input: { description: 'mine now' } })).rejects.toMatchObject(
      {
        code: 'not_found',
      },
    );
    await expect(archiveTemplate(db, target)).rejects.toMatchObject({ code: 'not_found' });
    expect(
      (await getTemplate(db, { issuerId: theirs.issuer.id, templateId: theirs.template.id })).archivedAt,
    ).toBe(null);
  });
});
