import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicFixture } from '@/test/conformance/public-fixtures';
import { independentItxtChunks, independentSvgCredentials } from './test-credentials';
import { unbake } from './unbake';
import { unbakeIsolated } from './unbake-isolated';

// Real-world OB 3.0 credentials baked by the corpus builder, each beside the credential it started from.
const corpus = (...parts: string[]) => readFileSync(publicFixture('real-world-badges', ...parts));
const BAKED = [
  { file: 'bake-dcc-ed2020-json.svg', source: 'ob3-json/dcc-v2-ed2020-basic.json', form: 'credential' },
  { file: 'bake-dcc-eddsa-json.png', source: 'ob3-json/dcc-v2-di-obspecexample.json', form: 'credential' },
  { file: 'bake-waltid-jwt.png', source: 'ob3-jwt/waltid-compliant-vcdm2.jwt', form: 'jwt' },
  { file: 'bake-waltid-jwt.svg', source: 'ob3-jwt/waltid-compliant-vcdm2.jwt', form: 'jwt' },
] as const;

/** What an independent parser finds in the file: png-chunk-itxt for PNG, @xmldom/xmldom for SVG. */
function independentRead(file: string, bytes: Buffer): string[] {
  if (file.endsWith('.png')) {
    return independentItxtChunks(bytes)
      .filter((chunk) => chunk.keyword === 'openbadgecredential')
      .map((chunk) => chunk.text.trim());
  }
  return independentSvgCredentials(bytes.toString('utf8')).elements.map((element) =>
    (element.verify ?? element.text).trim(),
  );
}

describe('real-world baked Open Badges 3.0 credentials', () => {
  it.each(BAKED)('$file unbakes to the credential it carries', async ({ file, source, form }) => {
    const bytes = corpus('ob3-baked', file);
    const expected = corpus(source).toString('utf8').trim();
    const format = file.endsWith('.png') ? 'png' : 'svg';
    const result = unbake(bytes, file);
    expect(result).toEqual({ format, version: '3.0', [form]: expected, warnings: [] });
    expect(independentRead(file, bytes)).toEqual([expected]);
    // The sandboxed reader that /verify uses gives the same answer.
    expect(await unbakeIsolated(bytes)).toEqual(result);
  });
});
