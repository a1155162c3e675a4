const ALIASES: Record<string, string> = {
  us: 'US',
  usa: 'US',
  'united states': 'US',
  'united states of america': 'US',
  uk: 'GB',
  'great britain': 'GB',
};

// Codes ICU names that are not countries (European Union, United Nations, pseudo-locales).
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB']);

type Regions = { codes: Set<string>; byName: Map<string, string> };
let regions: Regions | undefined;

/** Every ISO 3166-1 alpha-2 code ICU knows, and its English name. */
function knownRegions(): Regions {
  if (regions) return regions;
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  const codes = new Set<string>();
  const byName = new Map<string, string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const first of letters) {
    for (const second of letters) {
      const code = first + second;
      const name = names.of(code);
      if (!name || name === code || name === 'Unknown Region' || NOT_COUNTRIES.has(code)) continue;
      // Retired codes (DD, FX, SU, UK …) canonicalise to the current one: keep only current codes.
      if (Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      codes.add(code);
      byName.set(name.toLowerCase(), code);
    }
  }
  regions = { codes, byName };
  return regions;
}

/** "USA", "United States", "us" → "US"; "DE" → "DE"; "Germany" → "DE"; anything else → null. */
export function countryCode(value: string): string | null {
  const key = value.trim().toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ');
  const alias = ALIASES[key];
  if (alias) return alias;
  const { codes, byName } = knownRegions();
  if (/^[a-z]{2}$/.test(key) && codes.has(key.toUpperCase())) return key.toUpperCase();
  return byName.get(key) ?? null;
}
