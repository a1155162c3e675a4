import type { Check, CheckStatus, Verdict } from './types';

const severity: Record<CheckStatus, number> = { skip: 0, pass: 1, warn: 2, unknown: 3, fail: 4 };

/**
 * The checks of one report, in the order they were made. Ids stay unique (the report view keys
 * on them): a second check with the same id is merged into the first, keeping the worse status.
 */
export class CheckList {
  readonly items: Check[] = [];

  add(check: Check): void {
    const existing = this.items.find((item) => item.id === check.id);
    if (!existing) {
      this.items.push(check);
      return;
    }
    if (severity[check.status] > severity[existing.status]) {
      existing.status = check.status;
      existing.label = check.label;
      existing.detail = `${check.detail} ${existing.detail}`;
    } else if (!existing.detail.includes(check.detail)) {
      existing.detail = `${existing.detail} ${check.detail}`;
    }
  }

  pass(id: string, label: string, detail: string): void {
    this.add({ id, label, status: 'pass', detail });
  }

  fail(id: string, label: string, detail: string): void {
    this.add({ id, label, status: 'fail', detail });
  }

  warn(id: string, label: string, detail: string): void {
    this.add({ id, label, status: 'warn', detail });
  }

  skip(id: string, label: string, detail: string): void {
    this.add({ id, label, status: 'skip', detail });
  }

  unknown(id: string, label: string, detail: string): void {
    this.add({ id, label, status: 'unknown', detail });
  }
}

/**
 * Any failed check makes the badge invalid (a proven fault outweighs a host being down); otherwise
 * a check that could not be made leaves it unknown; otherwise any warning makes it a warning.
 */
export function verdictOf(checks: readonly Check[]): Verdict {
  if (checks.some((check) => check.status === 'fail')) return 'invalid';
  if (checks.some((check) => check.status === 'unknown')) return 'unknown';
  if (checks.some((check) => check.status === 'warn')) return 'warning';
  return 'valid';
}

/**
 * Thrown after a failed check has been recorded, when nothing further can be checked (the badge
 * could not be read, its issuer could not be found…). verifyBadge catches it.
 */
export class Halt extends Error {
  constructor() {
    super('Verification stopped after a failed check');
    this.name = 'Halt';
  }
}
