import { z } from 'zod';
import { parseFeedDate } from './feed-dates';

/** "is required" when absent, else `message`: the reasons a rejected posting is reported with. */
const requiredOr = (message: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : message),
});

const text = z.string(requiredOr('must be text')).trim().min(1, 'must not be empty');
// A preprocess rather than a union, so a bad item is reported with its own reason.
const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(schema));

const numberish = z.union(
  [
    z.number().finite(),
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/)
      .transform(Number),
  ],
  { error: 'must be a number' },
);

// ISO 8601 as feeds write it: a date, or a date and time with an optional offset.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const isoDate = z
  .string(requiredOr('must be an ISO 8601 date'))
  .trim()
  .regex(ISO_DATE, 'must be an ISO 8601 date')
  .refine((value) => parseFeedDate(value) !== null, 'is not a real date');

const httpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:$/.test(URL.parse(value)?.protocol ?? ''), 'must be an http(s) URL');

const idValue = z.union([text, z.number().transform(String)]);
const identifier = z.union(
  [idValue, z.looseObject({ value: idValue }).transform((property) => property.value)],
  requiredOr('must be a string or a PropertyValue with a value'),
);

const organization = z.union(
  [
    text.transform((name) => ({ name, sameAs: undefined, url: undefined })),
    z.looseObject({
      name: text,
      sameAs: oneOrMany(z.string()).optional(),
      url: z.string().optional(),
    }),
  ],
  requiredOr('must be an Organization with a name'),
);

const named = z.union([text, z.looseObject({ name: text }).transform((thing) => thing.name)]);

const postalAddress = z.looseObject({
  addressLocality: z.string().optional(),
  addressRegion: z.string().optional(),
  postalCode: z.union([z.string(), z.number().transform(String)]).optional(),
  addressCountry: named.optional(),
});
const place = z.looseObject({
  address: z
    .union([
      text.transform((locality): z.output<typeof postalAddress> => ({ addressLocality: locality })),
      postalAddress,
    ])
    .optional(),
});

const quantitativeValue = z.looseObject({
  value: numberish.optional(),
  minValue: numberish.optional(),
  maxValue: numberish.optional(),
  unitText: z.string().optional(),
});

/** A MonetaryAmount (baseSalary) or a MonetaryAmountDistribution (estimatedSalary). */
const salary = z.looseObject({
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code')
    .optional(),
  value: z
    .union([numberish, quantitativeValue], { error: 'must be a number or a QuantitativeValue' })
    .optional(),
  minValue: numberish.optional(),
  maxValue: numberish.optional(),
  unitText: z.string().optional(),
  duration: z.string().optional(),
  percentile10: numberish.optional(),
  percentile25: numberish.optional(),
  median: numberish.optional(),
  percentile75: numberish.optional(),
  percentile90: numberish.optional(),
});

const category = z.union([
  z.string(),
  z.looseObject({ codeValue: z.string() }).transform((c) => c.codeValue),
]);

/** A schema.org JobPosting as feeds write it: one value or a list wherever schema.org allows both. */
export const jobPostingSchema = z.looseObject({
  identifier,
  title: text,
  description: z.string('must be text').optional(),
  datePosted: isoDate,
  validThrough: isoDate.nullish(),
  employmentType: oneOrMany(z.string()).optional(),
  hiringOrganization: organization,
  jobLocation: oneOrMany(place).optional(),
  jobLocationType: oneOrMany(z.string()).optional(),
  applicantLocationRequirements: oneOrMany(named).optional(),
  baseSalary: oneOrMany(salary).optional(),
  estimatedSalary: oneOrMany(salary).optional(),
  occupationalCategory: oneOrMany(category).optional(),
  skills: z.union([z.string(), z.array(named)]).optional(),
  url: httpUrl.optional(),
});

export type FeedPosting = z.output<typeof jobPostingSchema>;
export type FeedSalary = z.output<typeof salary>;
export type FeedPlace = z.output<typeof place>;
