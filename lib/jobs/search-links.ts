/**
 * Where to look for listings Laurel's feeds do not have: public U.S. job searches, opened with the
 * occupation or skill as the keyword. Plain outbound links; nothing is fetched from them.
 */
export type JobSearchLink = { name: string; description: string; href: string };

export function jobSearchLinks(keyword: string): JobSearchLink[] {
  const q = encodeURIComponent(keyword.trim());
  return [
    {
      name: 'CareerOneStop',
      description: 'U.S. Department of Labor job search',
      href: `https://www.careeronestop.org/Toolkit/Jobs/find-jobs.aspx?keyword=${q}&location=United%20States`,
    },
    {
      name: 'USAJOBS',
      description: 'U.S. federal government jobs',
      href: `https://www.usajobs.gov/Search/Results?k=${q}`,
    },
  ];
}
