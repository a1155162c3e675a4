/** One occupation of the demo release: O*NET facts, and a description in Laurel's own words. */
export type DemoOccupation = {
  /** O*NET-SOC 2019 code, e.g. 15-1252.00. */
  code: string;
  title: string;
  /** O*NET Job Zone 1–5; null where O*NET gives none. */
  jobZone: number | null;
  /** One or two sentences written for Laurel (never O*NET's text). */
  description: string;
  /** A few of O*NET's alternate titles; `[title, short title]` where O*NET gives a short form. */
  alternateTitles: (string | [title: string, short: string])[];
  /** A few reported titles; true when O*NET's My Next Move shows the title. */
  reportedTitles: [title: string, isShown: boolean][];
  /** Related demo occupations with O*NET's rank (1–5 primary-short, 6–10 primary-long, then supplemental). */
  related: [code: string, rank: number][];
};

/** A rating: importance (1–5), level (0–7), and O*NET's flags when set. */
export type DemoRating = [importance: number, level: number, ...flags: ('not relevant' | 'low confidence')[]];
