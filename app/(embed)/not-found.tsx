/**
 * The embed card of a badge that is not public (made private, declined, deleted or never there),
 * inside another site's frame: the card's size, and the same words as the badge page's 404.
 */
export default function EmbedNotFound() {
  return (
    <main className="p-1">
      <article className="flex h-[172px] w-full max-w-[352px] flex-col justify-center gap-2 rounded-lg border border-stone-300 bg-white p-3 text-sm text-stone-900">
        <h1 className="text-base font-bold">This badge is not shared</h1>
        <p className="text-stone-700">Its owner may have made it private, or the link may be out of date.</p>
        <p>
          <a href="/verify" target="_blank" rel="noopener" className="font-medium text-brand-800 underline">
            Verify a badge on Laurel
          </a>
        </p>
      </article>
    </main>
  );
}
