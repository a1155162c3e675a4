import { awardStatus, type PublicAward } from '@/lib/badges/public-award';
import { formatDate } from '@/lib/format';

const tone = {
  valid: 'bg-green-50 text-green-900',
  expired: 'bg-amber-50 text-amber-950',
  revoked: 'bg-red-50 text-red-900',
};

/** Badge, issuer, earner, date and status in words, with a way to check it on Laurel. */
export function EmbedCard({ found, publicUrl }: { found: PublicAward; publicUrl: string }) {
  const { award, template, issuer, earnerName } = found;
  const status = awardStatus(award);
  return (
    <article className="flex h-[172px] w-full max-w-[352px] flex-col gap-2 overflow-hidden rounded-lg border border-stone-300 bg-white p-3 text-sm text-stone-900">
      <div className="flex min-h-0 gap-3">
        {/* biome-ignore lint/performance/noImgElement: badge images are served from our own route, often SVG */}
        <img
          src={`/images/${template.imageId}`}
          alt={`${template.name} badge`}
          width={80}
          height={80}
          className="h-20 w-20 shrink-0"
        />
        <div className="flex min-w-0 flex-col">
          <h1 className="line-clamp-2 text-base leading-tight font-bold">{template.name}</h1>
          <p className="truncate text-stone-700">Issued by {issuer.name}</p>
          <p className="truncate">Earned by {earnerName}</p>
          <p className="text-stone-700">
            Awarded <time dateTime={award.issuedAt.toISOString()}>{formatDate(award.issuedAt)}</time>
          </p>
        </div>
      </div>
      <div className="mt-auto flex items-center justify-between gap-2">
        <p className={`truncate rounded px-1.5 font-medium ${tone[status.kind]}`} data-testid="embed-status">
          {status.kind === 'valid' ? 'Valid' : null}
          {status.kind === 'expired' ? `Expired on ${formatDate(status.on)}` : null}
          {status.kind === 'revoked' ? `Revoked on ${formatDate(status.on)}` : null}
        </p>
        <a
          href={publicUrl}
          target="_blank"
          rel="noopener"
          className="shrink-0 font-medium text-brand-800 underline"
        >
          Verify on Laurel<span className="sr-only"> (opens in a new tab)</span>
        </a>
      </div>
    </article>
  );
}
