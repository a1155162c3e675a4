const base = 'block whitespace-nowrap rounded px-2 py-2 hover:bg-stone-100 lg:py-1';

/** Every link in the header: a roomy tap target in the phone menu, compact in the desktop bar. */
export const headerLinkClass = `${base} text-stone-800 hover:text-stone-950`;

/** The one link the header asks a visitor to follow (Create account). */
export const headerCallClass = `${base} font-semibold text-brand-800`;
