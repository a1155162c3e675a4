import Link from 'next/link';
import type { ReactNode } from 'react';

const sizes = {
  sm: { padding: 'p-4', image: 64, imageClass: 'h-16 w-16' },
  md: { padding: 'p-6', image: 64, imageClass: 'h-16 w-16' },
  lg: { padding: 'p-6', image: 80, imageClass: 'h-20 w-20' },
};

export type BadgeTileProps = {
  name: string;
  imageId?: string;
  /** Another image address (a badge imported from elsewhere); imageId is then not needed. */
  imageSrc?: string;
  /** Makes the name a heading at this level, for tiles listed under a page's h1 or a section's h2. */
  headingLevel?: 2 | 3;
  /** Where the name links: the badge's own page. */
  nameHref?: string;
  issuerName?: string;
  /** Where the issuer's name links: their public page. */
  issuerHref?: string;
  /** Makes the whole tile one link, so nothing inside it may be a link. */
  href?: string;
  /** `sm` for lists of awards, `md` for the console's templates, `lg` for the public issuer page. */
  size?: keyof typeof sizes;
  /** Lines under the name and issuer: dates, status, description, actions. */
  children?: ReactNode;
};

/** A badge in a grid: its image, name and issuer, with whatever else the list needs below. */
export function BadgeTile({
  name,
  imageId,
  imageSrc,
  headingLevel,
  nameHref,
  issuerName,
  issuerHref,
  href,
  size = 'sm',
  children,
}: BadgeTileProps) {
  const { padding, image, imageClass } = sizes[size];
  const frame = `flex h-full gap-4 rounded-lg border border-stone-200 bg-white ${padding} shadow-sm`;
  const Heading = headingLevel === 2 ? 'h2' : headingLevel === 3 ? 'h3' : null;
  // A tile that is one link holds only inline elements, as the wallet's always has.
  const Column = href ? 'span' : 'div';
  const content = (
    <>
      {/* biome-ignore lint/performance/noImgElement: served by our image route, often SVG */}
      <img
        src={imageSrc ?? `/images/${imageId}`}
        alt=""
        width={image}
        height={image}
        className={`${imageClass} shrink-0`}
      />
      <Column className="flex flex-col gap-1">
        {Heading ? (
          <Heading className="font-semibold">{name}</Heading>
        ) : nameHref ? (
          <Link href={nameHref} className="font-semibold underline">
            {name}
          </Link>
        ) : (
          <span className="font-semibold">{name}</span>
        )}
        {issuerName && issuerHref ? (
          <Link href={issuerHref} className="text-sm text-stone-700 underline">
            {issuerName}
          </Link>
        ) : issuerName ? (
          <span className="text-sm text-stone-700">{issuerName}</span>
        ) : null}
        {children}
      </Column>
    </>
  );
  return href ? (
    <Link href={href} className={`${frame} hover:border-brand-600`}>
      {content}
    </Link>
  ) : (
    <div className={frame}>{content}</div>
  );
}
