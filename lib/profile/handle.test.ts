import { describe, expect, it } from 'vitest';
import { handleSchema } from './handle';

const problemOf = (value: string) => {
  const result = handleSchema.safeParse(value);
  return result.success ? null : result.error.issues.map((i) => i.message);
};

describe('handleSchema', () => {
  it('accepts letters, digits, hyphens and underscores, and stores them lower-cased', () => {
    expect(handleSchema.parse('ada-lovelace_1815')).toBe('ada-lovelace_1815');
    expect(handleSchema.parse('  Ada-Lovelace ')).toBe('ada-lovelace');
    expect(handleSchema.parse('abc')).toBe('abc');
    expect(handleSchema.parse('a'.repeat(30))).toBe('a'.repeat(30));
  });

  it('refuses handles that are too short or too long, with one clear message', () => {
    expect(problemOf('ab')).toEqual(['Use at least 3 characters.']);
    expect(problemOf('')).toEqual(['Use at least 3 characters.']);
    expect(problemOf('a'.repeat(31))).toEqual(['Use at most 30 characters.']);
  });

  it('must start with a letter and use only the allowed characters', () => {
    expect(problemOf('1ada')).toEqual(['Start your handle with a letter.']);
    expect(problemOf('-ada')).toEqual(['Start your handle with a letter.']);
    for (const bad of ['ada lovelace', 'ada.l', 'adà', 'ada/x', 'ada@x']) {
      expect(problemOf(bad), bad).toEqual(['Use only letters, digits, hyphens (-) and underscores (_).']);
    }
  });

  it('refuses reserved words in any case', () => {
    for (const word of ['admin', 'settings', 'sign-in', 'wallet', 'laurel', 'Support', 'ISSUERS', 'www']) {
      expect(problemOf(word)?.[0], word).toMatch(/is reserved\. Please choose another handle\./);
    }
  });
});
