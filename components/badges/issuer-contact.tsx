/** How to reach an issuer: their email address and website, whichever they gave. */
export function IssuerContact({ name, email, url }: { name: string; email?: string; url?: string }) {
  if (!email && !url) return null;
  return (
    <span>
      Contact {name}
      {email ? (
        <>
          {' '}
          at{' '}
          <a href={`mailto:${email}`} className="font-medium underline [overflow-wrap:anywhere]">
            {email}
          </a>
        </>
      ) : null}
      {email && url ? ' or through ' : url ? ' through ' : null}
      {url ? (
        <a href={url} className="font-medium underline [overflow-wrap:anywhere]" rel="noopener noreferrer">
          their website
        </a>
      ) : null}
      .
    </span>
  );
}
