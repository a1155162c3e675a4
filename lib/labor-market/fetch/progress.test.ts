import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFile } from './download';
import { type DownloadProgress, formatBytes, formatDownload, stderrDownloadProgress } from './progress';
import { serveFiles } from './test-support';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

describe('the download progress display', () => {
  it('shows bytes received of the total, in kB and MB', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(12_345)).toBe('12.3 kB');
    expect(formatDownload('db_30_1_text.zip', 12_300_000, 95_100_000)).toBe(
      'db_30_1_text.zip: 12.3 MB of 95.1 MB (12%)',
    );
    expect(formatDownload('oesm24nat.zip', 700_000, null)).toBe('oesm24nat.zip: 700.0 kB');
  });

  it('redraws one line per file on a terminal and writes only the finished line in a log', () => {
    const tty = fakeStream(true);
    const progress = stderrDownloadProgress(tty.stream);
    progress.downloadStarted('oesm24nat.zip', 2_000_000);
    progress.bytesReceived('oesm24nat.zip', 1_000_000);
    progress.bytesReceived('oesm24nat.zip', 1_500_000); // within 100 ms: not drawn
    progress.downloadDone('oesm24nat.zip', 2_000_000, 1.26);
    expect(tty.writes).toEqual([
      'oesm24nat.zip: 0 B of 2.0 MB (0%)',
      '\r\x1b[Koesm24nat.zip: 1.0 MB of 2.0 MB (50%)',
      '\r\x1b[Koesm24nat.zip: 2.0 MB downloaded in 1.3 s\n',
    ]);
    const log = fakeStream(false);
    const logged = stderrDownloadProgress(log.stream);
    logged.downloadStarted('oesm24nat.zip', 2_000_000);
    logged.bytesReceived('oesm24nat.zip', 1_000_000);
    logged.downloadDone('oesm24nat.zip', 2_000_000, 1.26);
    expect(log.writes).toEqual(['oesm24nat.zip: 2.0 MB downloaded in 1.3 s\n']);
  });
});

describe('downloadFile', () => {
  const body = Buffer.alloc(300_000, 7);
  let server: Awaited<ReturnType<typeof serveFiles>>;
  let dir: string;

  beforeAll(async () => {
    server = await serveFiles(new Map([['/big.zip', body]]));
    dir = await mkdtemp(path.join(tmpdir(), 'laurel-download-'));
  });

  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports the total, the bytes as they arrive, and the end', async () => {
    const events: string[] = [];
    const progress: DownloadProgress = {
      downloadStarted: (name, total) => events.push(`start ${name} ${total}`),
      bytesReceived: (_name, bytes) => events.push(`bytes ${bytes}`),
      downloadDone: (name, bytes) => events.push(`done ${name} ${bytes}`),
      note: () => {},
    };
    const dest = path.join(dir, 'big.zip');
    const bytes = await downloadFile({
      url: `${server.baseUrl}/big.zip`,
      dest,
      name: 'big.zip',
      maxBytes: 1_000_000,
      progress,
    });
    expect(bytes).toBe(body.length);
    expect(await readFile(dest)).toEqual(body);
    expect(events[0]).toBe('start big.zip 300000');
    expect(events.at(-1)).toBe('done big.zip 300000');
    expect(events.filter((e) => e.startsWith('bytes')).at(-1)).toBe('bytes 300000');
  });

  it('refuses a file larger than allowed before downloading it', async () => {
    const url = `${server.baseUrl}/big.zip`;
    await expect(
      downloadFile({ url, dest: path.join(dir, 'refused.zip'), name: 'big.zip', maxBytes: 100_000 }),
    ).rejects.toThrow(
      `${url} is larger than 100,000 bytes (at least 300,000): refused, this is not the expected file.`,
    );
  });
});

describe('a connection the server drops before answering', () => {
  it('is retried once on a new connection; a second drop is reported', async () => {
    const { createServer } = await import('node:http');
    let requests = 0;
    let dropsLeft = 1;
    const server = createServer((_request, response) => {
      requests++;
      if (dropsLeft-- > 0) {
        response.socket?.destroy();
        return;
      }
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/file.zip`;
    const dir = await mkdtemp(path.join(tmpdir(), 'laurel-drop-'));
    try {
      const options = { url, dest: path.join(dir, 'file.zip'), name: 'file.zip', maxBytes: 1_000 };
      expect(await downloadFile(options)).toBe(2);
      expect(requests).toBe(2);
      dropsLeft = 2;
      await expect(downloadFile(options)).rejects.toThrow(/Could not reach 127\.0\.0\.1:\d+ \(connection/);
    } finally {
      server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
