import { describe, expect, it } from 'vitest';
import { normalizeTerm, slugify } from '@/lib/labor-market/normalize';
import { deriveAliases, linkWages } from './derive';

describe('linkWages', () => {
  it('tries the exact code, then a single OEWS-specific code, then the broad code', () => {
    const occupations = new Map([
      ['15-1252.00', '15-1252'],
      ['15-1299.08', '15-1299'],
      ['21-1011.00', '21-1011'],
      ['21-1014.00', '21-1014'],
      ['13-1021.00', '13-1021'],
      ['11-1031.00', '11-1031'],
    ]);
    const detailed = new Set(['15-1252', '15-1299', '21-1018', '13-1020']);
    expect(linkWages(occupations, detailed)).toEqual([
      { code: '15-1252.00', oewsCode: '15-1252', match: 'exact' },
      { code: '15-1299.08', oewsCode: '15-1299', match: 'exact' },
      { code: '21-1011.00', oewsCode: '21-1018', match: 'oews_aggregate' },
      { code: '21-1014.00', oewsCode: '21-1018', match: 'oews_aggregate' },
      { code: '13-1021.00', oewsCode: '13-1020', match: 'broad' },
      { code: '11-1031.00', oewsCode: null, match: 'none' },
    ]);
  });

  it('does not guess between two OEWS-specific codes', () => {
    const links = linkWages(new Map([['25-9042.00', '25-9042']]), new Set(['25-9045', '25-9046']));
    expect(links).toEqual([{ code: '25-9042.00', oewsCode: null, match: 'none' }]);
  });
});

const technology = (name: string) => ({ name, slug: slugify(name), nameNorm: normalizeTerm(name) });

describe('deriveAliases', () => {
  const technologies = [
    'Amazon Web Services AWS software',
    'Hypertext markup language HTML',
    'Microsoft Azure software',
    'React',
    'Real estate application contract transmission REACT software',
    'Epicor Kinetic ERP',
    'Oracle JD Edwards ERP',
    'Jenkins CI',
  ].map(technology);

  it('derives names without " software" and trailing acronyms, dropping ambiguous keys', () => {
    const { aliases, ambiguous } = deriveAliases(technologies, []);
    expect(aliases.get('html')).toBe('hypertext-markup-language-html');
    expect(aliases.get('hypertext markup language')).toBe('hypertext-markup-language-html');
    expect(aliases.get('microsoft azure')).toBe('microsoft-azure-software');
    expect(aliases.get('aws')).toBe('amazon-web-services-aws-software');
    expect(aliases.has('erp')).toBe(false); // Epicor Kinetic ERP or Oracle JD Edwards ERP?
    expect(ambiguous).toBe(1);
    expect(aliases.get('oracle jd edwards')).toBe('oracle-jd-edwards-erp');
    expect(aliases.has('ci')).toBe(false); // "Jenkins CI": one word before the acronym
    // The exact name wins: "react" is React, never the REACT software.
    expect(aliases.has('react')).toBe(false);
  });

  it('adds curated aliases over derived ones and warns about a missing target', () => {
    const { aliases, warnings } = deriveAliases(technologies, [
      ['Azure', 'Microsoft Azure software'],
      ['Terraform', 'IBM Terraform'],
      ['React', 'Real estate application contract transmission REACT software'],
    ]);
    expect(aliases.get('azure')).toBe('microsoft-azure-software');
    expect(aliases.has('terraform')).toBe(false);
    expect(aliases.has('react')).toBe(false);
    expect(warnings).toEqual(["curated alias 'Terraform': this release has no technology 'IBM Terraform'"]);
  });
});
