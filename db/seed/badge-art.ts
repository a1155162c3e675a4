/** Simple, distinct SVG badge art for the demo issuer, so the seed needs no image files. */
export function badgeSvg(input: { label: string; colour: string; glyph: string }): Uint8Array {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">
  <circle cx="200" cy="200" r="190" fill="${input.colour}"/>
  <circle cx="200" cy="200" r="160" fill="none" stroke="#ffffff" stroke-width="6" stroke-dasharray="4 10"/>
  <text x="200" y="215" font-family="Helvetica, Arial, sans-serif" font-size="120" font-weight="700" fill="#ffffff" text-anchor="middle">${input.glyph}</text>
  <rect x="60" y="270" width="280" height="56" rx="12" fill="#ffffff"/>
  <text x="200" y="307" font-family="Helvetica, Arial, sans-serif" font-size="26" font-weight="700" fill="${input.colour}" text-anchor="middle">${input.label}</text>
</svg>`;
  return new TextEncoder().encode(svg);
}
