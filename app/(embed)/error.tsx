'use client';

/** An unexpected failure inside another site's frame: a card-sized note, with a retry. */
export default function EmbedError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="p-1">
      <article className="flex h-[172px] w-full max-w-[352px] flex-col justify-center gap-2 rounded-lg border border-stone-300 bg-white p-3 text-sm text-stone-900">
        <h1 className="text-base font-bold">This badge could not be shown</h1>
        <p className="text-stone-700">Something failed on Laurel's side.</p>
        <p>
          <button type="button" onClick={retry} className="font-medium text-brand-800 underline">
            Try again
          </button>
        </p>
      </article>
    </main>
  );
}
