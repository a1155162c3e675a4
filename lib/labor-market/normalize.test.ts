import { describe, expect, it } from 'vitest';
import { normalizeTerm, slugify } from './normalize';

describe('normalizeTerm', () => {
  it('folds case, accents and punctuation, keeping + # and inner dots', () => {
    expect(normalizeTerm('  Amazon Web Services (AWS) software ')).toBe('amazon web services aws software');
    expect(normalizeTerm('Node.js')).toBe('node.js');
    expect(normalizeTerm('C++ / C#')).toBe('c++ c#');
    expect(normalizeTerm('Café-Manager.')).toBe('cafe manager');
  });
});

describe('slugify', () => {
  it('gives C, C++ and C# different slugs', () => {
    expect(new Set([slugify('C'), slugify('C++'), slugify('C#')]).size).toBe(3);
    expect(slugify('C++')).toBe('c-plus-plus');
    expect(slugify('Node.js')).toBe('node-dot-js');
    expect(slugify('Amazon Web Services AWS software')).toBe('amazon-web-services-aws-software');
  });
});
