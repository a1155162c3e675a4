import { useState } from 'react';

const newestFirst = (a: { createdAt: Date }, b: { createdAt: Date }) =>
  b.createdAt.getTime() - a.createdAt.getTime();

/**
 * The rows the server sends, plus any that have left the list since this page was opened (a
 * retried one is no longer failed). A row stays where it was, so its outcome ("Queued again")
 * stays on screen until the person leaves the page, while the tab's count is already right.
 */
export function useKeptRows<T extends { id: string; createdAt: Date }>(rows: T[]): T[] {
  const [state, setState] = useState({ from: rows, kept: rows });
  if (state.from === rows) return state.kept;
  const current = new Set(rows.map((r) => r.id));
  const kept = [...rows, ...state.kept.filter((r) => !current.has(r.id))].sort(newestFirst);
  setState({ from: rows, kept });
  return kept;
}
