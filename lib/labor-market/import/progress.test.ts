import { describe, expect, it } from 'vitest';
import { stderrProgress } from './progress';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

describe('stderrProgress', () => {
  it('writes one finished line per file when stderr is not a terminal', () => {
    const { stream, writes } = fakeStream(false);
    const progress = stderrProgress(stream);
    progress.fileStarted('onet_skills.csv', 1_000_000);
    progress.rowsRead('onet_skills.csv', 2_000, 100_000);
    progress.fileDone('onet_skills.csv', 30_765, 1.24);
    expect(writes).toEqual(['onet_skills.csv: 30,765 rows in 1.2 s\n']);
  });

  it('redraws the line with rows and percent on a terminal', () => {
    const { stream, writes } = fakeStream(true);
    const progress = stderrProgress(stream);
    progress.fileStarted('onet_skills.csv', 1_000_000);
    progress.rowsRead('onet_skills.csv', 2_000, 250_000);
    progress.rowsRead('onet_skills.csv', 4_000, 500_000); // within 100 ms: not drawn
    progress.fileDone('onet_skills.csv', 30_765, 1.24);
    expect(writes).toEqual([
      'onet_skills.csv: starting',
      '\r\x1b[Konet_skills.csv: 2,000 rows (25%)',
      '\r\x1b[Konet_skills.csv: 30,765 rows in 1.2 s\n',
    ]);
  });
});
