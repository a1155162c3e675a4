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
    <article className="flex h-[172px] w-full max-w-[352px] gap-3 overflow-hidden rounded-lg border border-stone-300 bg-white p-3 text-stone-900">
      {/* biome-ignore lint/performance/noImgElement: badge images are served from our own route, often SVG */}
      <img
        src={`/images/${template.imageId}`}
        alt={`${template.name} badge`}
        width={88}
        height={88}
        className="h-22 w-22 shrink-0"
      />
      <div className="flex min-w-0 flex-1 flex-col gap-0.5 text-sm">
        <h1 className="line-clamp-2 text-base leading-tight font-bold">{template.name}</h1>
        <p className="truncate text-stone-700">Issued by {issuer.name}</p>
        <p className="truncate">
          Earned by {earnerName} on{' '}
          <time dateTime={award.issuedAt.toISOString()}>{formatDate(award.issuedAt)}</time>
        </p>
        <p
          className={`self-start rounded px-1.5 font-medium ${tone[status.kind]}`}
          data-testid="embed-status"
        >
          {status.kind === 'valid' ? 'Valid' : null}
          {status.kind === 'expired' ? `Expired on ${formatDate(status.on)}` : null}
          {status.kind === 'revoked' ? `Revoked on ${formatDate(status.on)}` : null}
        </p>
        <a
          href={publicUrl}
          target="_blank"
          rel="noopener"
          className="mt-auto font-medium text-brand-800 underline"
        >
          Verify on Laurel<span className="sr-only"> (opens in a new tab)</span>
        </a>
      </div>
    </article>
  );
}
