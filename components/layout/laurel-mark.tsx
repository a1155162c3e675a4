/**
 * Laurel's mark: a white laurel wreath around an "L" on a brand-green tile. The source of the
 * favicon, touch icon and app icons too (scripts/make-icons.ts renders it to app/ and public/).
 */
const LEAF = 'M0 0C-2.6-2.8-2.6-6.6 0-9.5C2.6-6.6 2.6-2.8 0 0Z';
// Where along the branch each pair of leaves grows, in degrees around the wreath's centre.
const PAIRS = [-70, -42, -14, 14, 42];

function Branch({ transform }: { transform?: string }) {
  return (
    <g transform={transform}>
      <path
        d="M32 52A19 19 0 0 1 17.9 20.3"
        fill="none"
        stroke="#fff"
        strokeWidth="2"
        strokeLinecap="round"
      />
      {PAIRS.flatMap((angle) => [
        <path key={`${angle}o`} d={LEAF} transform={`rotate(${angle} 32 33) translate(13 33) rotate(-38)`} />,
        <path key={`${angle}i`} d={LEAF} transform={`rotate(${angle} 32 33) translate(13 33) rotate(28)`} />,
      ])}
    </g>
  );
}

export function LaurelMark({ className, isTile = true }: { className?: string; isTile?: boolean }) {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" className={className} aria-hidden="true">
      <rect width="64" height="64" rx={isTile ? 14 : 0} fill="#166534" />
      <g fill="#fff">
        <Branch />
        <Branch transform="matrix(-1 0 0 1 64 0)" />
        <path d="M27 22h5.5v14.5h8.5v5.5h-14z" />
      </g>
    </svg>
  );
}
