/** True when a query failed on a unique constraint (PostgreSQL code 23505), whichever driver ran it. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name, constraint_name } = e as Record<string, unknown>;
    if (code === '23505') return !constraint || name === constraint || constraint_name === constraint;
  }
  return false;
}
