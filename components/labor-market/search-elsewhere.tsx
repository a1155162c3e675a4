import { jobSearchLinks } from '@/lib/jobs/search-links';

/** "Search for <keyword> jobs on CareerOneStop · USAJOBS": where to look beyond our own listings. */
export function SearchElsewhere({ keyword, lead }: { keyword: string; lead?: string }) {
  const links = jobSearchLinks(keyword);
  return (
    <p className="text-sm text-stone-800">
      {lead ?? `Search for ${keyword} jobs on`}{' '}
      {links.map((link, i) => (
        <span key={link.name}>
          {i > 0 ? ' or ' : ''}
          <a
            href={link.href}
            rel="noopener noreferrer nofollow"
            className="font-medium text-brand-800 underline"
          >
            {link.name}
            <span className="sr-only">
              {' '}
              ({link.description}) for {keyword}
            </span>
          </a>
        </span>
      ))}
      .
    </p>
  );
}
