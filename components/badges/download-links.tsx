const link = 'rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium hover:bg-stone-100';

type Download = { href: string; label: string };

/** A titled list of download links. */
export function DownloadGroup({
  id,
  title,
  downloads,
}: {
  id: string;
  title: string;
  downloads: Download[];
}) {
  return (
    <div className="flex flex-col gap-2">
      <h3 id={id} className="font-medium">
        {title}
      </h3>
      <ul aria-labelledby={id} className="flex flex-wrap gap-3">
        {downloads.map((download) => (
          <li key={download.href}>
            <a href={download.href} className={link} download>
              {download.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The badge as files: Open Badges 2.0 (hosted assertion) and 3.0 (signed credential), baked or not. */
export function DownloadLinks({
  awardId,
  withCredential = true,
}: {
  awardId: string;
  /** False where the "Add to a digital wallet" panel already offers the 3.0 credential's files. */
  withCredential?: boolean;
}) {
  const ob2 = `/badges/${awardId}/download`;
  const ob3 = `/ob/v3/credentials/${awardId}/download`;
  return (
    <section aria-labelledby="downloads" className="flex flex-col gap-3">
      <h2 id="downloads" className="text-xl font-semibold">
        Download
      </h2>
      <p className="text-stone-700">
        The images carry the Open Badges record inside them, so the proof travels with the file.
        {withCredential
          ? " The 3.0 credential is signed by the issuer and verifies even without the issuer's website. Not sure which JWT to take? RS256 works with every Open Badges 3.0 wallet."
          : null}
      </p>
      {withCredential ? (
        <DownloadGroup
          id="downloads-ob3"
          title="Open Badges 3.0 signed credential"
          downloads={[
            { href: `${ob3}/png`, label: 'Baked PNG image' },
            { href: `${ob3}/svg`, label: 'Baked SVG image' },
            { href: `${ob3}/json`, label: 'Credential (JSON)' },
            { href: `${ob3}/jwt`, label: 'Credential (JWT, RS256)' },
            { href: `${ob3}/jwt-eddsa`, label: 'Credential (JWT, EdDSA)' },
          ]}
        />
      ) : null}
      <DownloadGroup
        id="downloads-ob2"
        title="Open Badges 2.0 hosted badge"
        downloads={[
          { href: `${ob2}/png`, label: 'Baked PNG image' },
          { href: `${ob2}/svg`, label: 'Baked SVG image' },
          { href: `${ob2}/json`, label: 'Open Badges JSON' },
        ]}
      />
    </section>
  );
}
