/**
 * The demo's jobs feed: schema.org JobPosting items written for Laurel. The employers are made up
 * and every address is on example.com or example.org. Dated around 28 November 2026; the seed
 * moves the dates forward so the open ones stay open. Covers the cases the listings show: salary
 * ranges, an hourly wage, a remote posting, an estimate, an expired posting, and a description
 * with a script the importer must strip.
 */

type Posting = Record<string, unknown>;

const employer = (name: string, host: string) => ({
  '@type': 'Organization',
  name,
  sameAs: `https://${host}`,
});
const place = (addressLocality: string, addressRegion: string) => ({
  '@type': 'Place',
  address: { '@type': 'PostalAddress', addressLocality, addressRegion, addressCountry: 'US' },
});
const yearly = (minValue: number, maxValue: number) => ({
  '@type': 'MonetaryAmount',
  currency: 'USD',
  value: { '@type': 'QuantitativeValue', minValue, maxValue, unitText: 'YEAR' },
});
const hourly = (value: number) => ({
  '@type': 'MonetaryAmount',
  currency: 'USD',
  value: { '@type': 'QuantitativeValue', value, unitText: 'HOUR' },
});

function posting(options: {
  id: string;
  org: ReturnType<typeof employer>;
  title: string;
  description: string;
  posted: string;
  until?: string;
  fields: Posting;
}): Posting {
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    identifier: { '@type': 'PropertyValue', name: options.org.name, value: options.id },
    title: options.title,
    description: options.description,
    datePosted: options.posted,
    ...(options.until && { validThrough: options.until }),
    employmentType: 'FULL_TIME',
    hiringOrganization: options.org,
    url: `${options.org.sameAs.replace('https://', 'https://careers.')}/jobs/${options.id}`,
    ...options.fields,
  };
}

const contoso = employer('Contoso Example Software', 'contoso.example.com');
const northwind = employer('Northwind Example Ltd', 'northwind.example.org');
const woodgrove = employer('Woodgrove Example Bank', 'woodgrove.example.com');
const fabrikam = employer('Fabrikam Example Networks', 'fabrikam.example.com');
const lakeside = employer('Lakeside Example Hospital', 'lakeside-hospital.example.org');
const tailspin = employer('Tailspin Example Security', 'tailspin.example.com');
const litware = employer('Litware Example Studio', 'litware.example.org');

/** The day the demo feed describes: its open postings are open then. */
export const DEMO_FEED_DATE = new Date('2026-11-28T00:00:00Z');

export const DEMO_JOB_POSTINGS: Posting[] = [
  posting({
    id: 'CX-101',
    org: contoso,
    title: 'Software Engineer',
    description: '<p>Build and run the services behind our scheduling app. Python, PostgreSQL and AWS.</p>',
    posted: '2026-11-25',
    until: '2027-01-31',
    fields: {
      jobLocation: place('Austin', 'TX'),
      baseSalary: yearly(118_000, 152_000),
      occupationalCategory: '15-1252.00 Software Developers',
      skills: ['Python', 'PostgreSQL', 'Amazon Web Services AWS software'],
    },
  }),
  posting({
    id: 'CX-114',
    org: contoso,
    title: 'DevOps Engineer',
    description:
      '<p>Keep our Kubernetes clusters healthy and our deployments boring. Docker, Linux, AWS.</p>',
    posted: '2026-11-22',
    until: '2027-01-15',
    fields: {
      jobLocation: place('Austin', 'TX'),
      baseSalary: yearly(125_000, 160_000),
      occupationalCategory: '15-1299.08',
      skills: ['Kubernetes', 'Docker', 'Linux', 'AWS'],
    },
  }),
  posting({
    id: 'DA-77',
    org: northwind,
    title: 'Data Analyst (Remote, US)',
    description:
      '<p>Turn sales data into dashboards that regional teams read every Monday. SQL and Tableau.</p>',
    posted: '2026-11-20T09:00:00-05:00',
    until: '2027-01-15T00:00:00-05:00',
    fields: {
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: { '@type': 'Country', name: 'USA' },
      baseSalary: hourly(38.5),
      occupationalCategory: ['15-2051.01', 'Business Intelligence Analysts'],
      skills: 'SQL, Tableau, Python',
    },
  }),
  posting({
    id: 'BI-5',
    org: woodgrove,
    title: 'Reporting Analyst',
    description: '<p>Build Tableau dashboards for branch performance.</p>',
    posted: '2026-11-24',
    until: '2027-01-10',
    fields: {
      jobLocation: place('Chicago', 'IL'),
      baseSalary: yearly(72_000, 90_000),
      occupationalCategory: '15-2051.01',
      skills: ['Tableau', 'Microsoft Excel'],
    },
  }),
  posting({
    id: 'DBA-3',
    org: woodgrove,
    title: 'Database Administrator',
    description: '<p>Look after the PostgreSQL and SQL Server databases behind online banking.</p>',
    posted: '2026-11-18',
    until: '2027-01-05',
    fields: {
      jobLocation: place('Chicago', 'IL'),
      baseSalary: yearly(98_000, 125_000),
      occupationalCategory: '15-1242.00',
      skills: ['PostgreSQL', 'Microsoft SQL Server', 'Linux'],
    },
  }),
  posting({
    id: 'SEC-21',
    org: tailspin,
    title: 'Information Security Analyst',
    description: '<p>Watch our alerts, chase down incidents and harden cloud accounts. Splunk and AWS.</p>',
    posted: '2026-11-23',
    until: '2027-02-01',
    fields: {
      jobLocation: place('Denver', 'CO'),
      baseSalary: yearly(105_000, 135_000),
      occupationalCategory: '15-1212.00',
      skills: ['Splunk Enterprise', 'Amazon Web Services AWS software', 'Linux', 'Python'],
    },
  }),
  posting({
    id: 'NET-9',
    org: fabrikam,
    title: 'Network Administrator',
    description: '<p>Run the network of our three offices. The position has been filled.</p>',
    posted: '2026-09-01',
    until: '2026-10-01',
    fields: {
      jobLocation: place('Columbus', 'OH'),
      baseSalary: yearly(70_000, 88_000),
      occupationalCategory: '15-1244.00',
      skills: ['Linux', 'Cisco IOS'],
    },
  }),
  posting({
    id: 'HD-4',
    org: fabrikam,
    title: 'IT Support Specialist',
    description: '<p>Help our staff with laptops, accounts and the odd printer. Linux a plus.</p>',
    posted: '2026-11-26',
    until: '2027-01-20',
    fields: {
      jobLocation: place('Columbus', 'OH'),
      baseSalary: hourly(26),
      occupationalCategory: '15-1232.00',
      skills: ['Microsoft Office software', 'Linux'],
    },
  }),
  posting({
    id: 'RN-ICU-3',
    org: lakeside,
    title: 'Registered Nurse - ICU (Night Shift)',
    description:
      "<p>Care for critically ill adults on our 20-bed unit.</p><script>alert('strip me')</script><p>Sign-on bonus.</p>",
    posted: '2026-11-19',
    until: '2027-01-31',
    fields: {
      jobLocation: place('Madison', 'WI'),
      baseSalary: hourly(52),
      skills: ['Epic Systems'],
    },
  }),
  posting({
    id: 'GD-8',
    org: litware,
    title: 'Graphic Designer',
    description: '<p>Design covers, posters and social media art for our releases.</p>',
    posted: '2026-11-21',
    fields: {
      jobLocation: place('New York', 'NY'),
      estimatedSalary: {
        '@type': 'MonetaryAmountDistribution',
        currency: 'USD',
        duration: 'P1Y',
        percentile10: 48_000,
        median: 64_000,
        percentile90: 92_000,
      },
      occupationalCategory: '27-1024.00',
      skills: ['Adobe Illustrator', 'Adobe Photoshop', 'Adobe InDesign'],
    },
  }),
];
