export function DownloadLinks({ awardId }: { awardId: string }) {
  const base = `/badges/${awardId}/download`;
  const ob3 = `/ob/v3/credentials/${awardId}/download`;
  const link = 'rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium hover:bg-stone-100';
  return (
    <section aria-labelledby="downloads" className="flex flex-col gap-3">
      <h2 id="downloads" className="text-xl font-semibold">
        Download
      </h2>
      <p className="text-stone-700">
        The images carry the Open Badges record inside them, so the proof travels with the file.
      </p>
      <div className="flex flex-wrap gap-3">
        <a href={`${base}/png`} className={link} download>
          Baked PNG image
        </a>
        <a href={`${base}/svg`} className={link} download>
          Baked SVG image
        </a>
        <a href={`${base}/json`} className={link} download>
          Open Badges JSON
        </a>
        <a href={`${ob3}/json`} className={link} download>
          Open Badges 3.0 credential (JSON)
        </a>
        <a href={`${ob3}/jwt`} className={link} download>
          Open Badges 3.0 credential (JWT)
        </a>
      </div>
    </section>
  );
}
