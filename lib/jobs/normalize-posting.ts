import type { JobLocation, SalaryUnit } from '@/db/schema';
import { countryCode } from './countries';
import { parseFeedDate } from './feed-dates';
import type { FeedPosting, FeedSalary } from './feed-schema';
import { htmlToLine, htmlToPlainText } from './html-text';

export type Salary = {
  currency: string;
  min: number | null;
  max: number | null;
  unit: SalaryUnit | null;
  isEstimate: boolean;
};

/** A posting as stored, before its occupation and technologies are looked up. */
export type PostingDraft = {
  orgKey: string;
  externalId: string;
  employerName: string;
  employerUrl: string | null;
  title: string;
  description: string;
  url: string | null;
  datePosted: Date;
  validThrough: Date | null;
  employmentTypes: string[];
  isRemote: boolean;
  country: string | null;
  locations: JobLocation[];
  salary: Salary | null;
  /** The first O*NET-SOC code in occupationalCategory, e.g. "15-1252" → "15-1252.00". */
  declaredOccupation: string | null;
  skills: string[];
};

const UNITS = new Set<SalaryUnit>(['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR']);
const DURATIONS: Record<string, SalaryUnit> = {
  PT1H: 'HOUR',
  P1D: 'DAY',
  P1W: 'WEEK',
  P1M: 'MONTH',
  P1Y: 'YEAR',
};
const SOC_CODE = /^(\d{2}-\d{4})(\.\d{2})?(?!\d)/;

const httpUrl = (value: string | undefined) => {
  const url = value ? URL.parse(value.trim()) : null;
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url : null;
};
const unique = (values: string[]) => [...new Set(values)];

function salaryOf(amount: FeedSalary, isEstimate: boolean): Salary | null {
  const currency = amount.currency?.toUpperCase();
  if (!currency) return null;
  const q = typeof amount.value === 'object' ? amount.value : { value: amount.value };
  const min =
    q.minValue ?? q.value ?? amount.percentile10 ?? amount.percentile25 ?? amount.minValue ?? amount.median;
  const max =
    q.maxValue ?? q.value ?? amount.percentile90 ?? amount.percentile75 ?? amount.maxValue ?? amount.median;
  if (min === undefined && max === undefined) return null;
  const unitText = (q.unitText ?? amount.unitText ?? '').trim().toUpperCase() as SalaryUnit;
  const unit = UNITS.has(unitText)
    ? unitText
    : (DURATIONS[amount.duration?.trim().toUpperCase() ?? ''] ?? null);
  const [low, high] = min !== undefined && max !== undefined && min > max ? [max, min] : [min, max];
  return { currency, min: low ?? null, max: high ?? null, unit, isEstimate };
}

function locationsOf(posting: FeedPosting): JobLocation[] {
  const locations: JobLocation[] = [];
  for (const { address } of posting.jobLocation ?? []) {
    if (!address) continue;
    const rawCountry = address.addressCountry ? htmlToLine(address.addressCountry) : '';
    const fields: JobLocation = {
      locality: address.addressLocality && htmlToLine(address.addressLocality),
      region: address.addressRegion && htmlToLine(address.addressRegion),
      postalCode: address.postalCode && htmlToLine(address.postalCode),
      country: rawCountry ? (countryCode(rawCountry) ?? rawCountry) : undefined,
    };
    const location = Object.fromEntries(Object.entries(fields).filter(([, v]) => v)) as JobLocation;
    if (Object.keys(location).length > 0) locations.push(location);
  }
  return locations;
}

function skillsOf(skills: FeedPosting['skills']): string[] {
  const list = typeof skills === 'string' ? skills.split(/[,;\n]/) : (skills ?? []);
  const seen = new Set<string>();
  return list
    .map(htmlToLine)
    .filter((skill) => skill !== '' && !seen.has(skill.toLowerCase()) && seen.add(skill.toLowerCase()));
}

/** A validated feed posting as a row to store: text only, dates as instants, codes normalised. */
export function normalizePosting(posting: FeedPosting): PostingDraft | { reason: string } {
  const organization = posting.hiringOrganization;
  const employerName = htmlToLine(organization.name);
  const title = htmlToLine(posting.title);
  if (!employerName) return { reason: 'hiringOrganization.name has no text' };
  if (!title) return { reason: 'title has no text' };
  const sameAs = (organization.sameAs ?? []).map(httpUrl).find((url) => url !== null);
  const employerUrl = sameAs ?? httpUrl(organization.url);

  const locations = locationsOf(posting);
  const applicantCountries = (posting.applicantLocationRequirements ?? []).map(htmlToLine);
  const countries = [...applicantCountries, ...locations.map((l) => l.country ?? '')];
  const declared = (posting.occupationalCategory ?? []).map((c) => SOC_CODE.exec(c.trim())).find(Boolean);
  const base = posting.baseSalary?.[0];
  const estimate = posting.estimatedSalary?.[0];

  return {
    orgKey: sameAs ? sameAs.origin : employerName.toLowerCase(),
    externalId: posting.identifier,
    employerName,
    employerUrl: employerUrl ? employerUrl.href : null,
    title,
    description: htmlToPlainText(posting.description ?? ''),
    url: posting.url ?? null,
    datePosted: parseFeedDate(posting.datePosted) as Date,
    validThrough: posting.validThrough ? parseFeedDate(posting.validThrough, { endOfDay: true }) : null,
    employmentTypes: unique(
      (posting.employmentType ?? [])
        .map((t) =>
          t
            .trim()
            .toUpperCase()
            .replace(/[\s-]+/g, '_'),
        )
        .filter(Boolean),
    ),
    isRemote: (posting.jobLocationType ?? []).some((type) => type.trim().toUpperCase() === 'TELECOMMUTE'),
    country: countries.map((c) => (c ? countryCode(c) : null)).find((c) => c !== null) ?? null,
    locations,
    salary: (base && salaryOf(base, false)) ?? (estimate && salaryOf(estimate, true)) ?? null,
    declaredOccupation: declared ? `${declared[1]}${declared[2] ?? '.00'}` : null,
    skills: skillsOf(posting.skills),
  };
}
