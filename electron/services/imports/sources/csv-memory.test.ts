import { once } from 'node:events';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectSource, readSourceRows } from './index';
import { fixtureDir } from './testing/source-files';

const file = fixtureDir('memory');
const ROWS = 1_000_000;

/**
 * ~100 MB written row by row with back-pressure, in a child process so that the generator's
 * garbage does not sit in the heap the test measures.
 */
const WRITER = `
const { createWriteStream } = require('node:fs');
const { once } = require('node:events');
(async () => {
  const out = createWriteStream(process.argv[1]);
  out.write('id,first_name,last_name,email,company,amount,created_at,note\\n');
  for (let i = 1; i <= ${ROWS}; i++) {
    // Every tenth row quotes a note with a comma, a line break and doubled quotes.
    const note = i % 10 === 0 ? '"Line one, with comma\\nand ""quotes"""' : 'note ' + (i % 97);
    const line = i + ',Zoë' + (i % 1000) + ',Dupont-' + (i % 777) + ',user' + i + '@example.com,Acme ' +
      (i % 5000) + ' SAS,' + (i * 1.37).toFixed(2) + ',2024-0' + (1 + (i % 9)) + '-1' + (i % 10) +
      'T10:00:00Z,' + note + '\\n';
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
})();
`;

async function writeMillionRows(path: string): Promise<void> {
  const child = spawn(process.execPath, ['-e', WRITER, path], { stdio: 'inherit' });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the CSV writer exited with ${code}`);
}

describe('bounded memory', () => {
  it('streams a 1,000,000-row CSV (~100 MB) with RSS growth under 150 MB', async () => {
    const path = file('million.csv');
    await writeMillionRows(path);
    expect(statSync(path).size).toBeGreaterThan(95_000_000);

    // Inspecting reads the first MiB and 50 rows, whatever the size.
    const inspected = performance.now();
    expect(await inspectSource(path)).toMatchObject({
      headers: expect.arrayContaining(['email']),
      sampleLines: expect.any(Array),
    });
    expect(performance.now() - inspected).toBeLessThan(1000);

    const before = process.memoryUsage().rss;
    let peak = before;
    let count = 0;
    let lastLine = 0;
    let quotedNotes = 0;
    const started = performance.now();
    for await (const batch of readSourceRows(path, { batchSize: 1000 })) {
      count += batch.length;
      for (const row of batch) {
        if (row.line !== lastLine + 1 && lastLine !== 0)
          throw new Error(`line ${row.line} after ${lastLine}`);
        lastLine = row.line;
        if (row.cells[7]!.includes('\n')) quotedNotes++;
      }
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const seconds = (performance.now() - started) / 1000;
    const growthMb = (peak - before) / 1024 / 1024;
    console.info(
      `1M-row CSV: ${Math.round(count / seconds).toLocaleString('en')} rows/s, peak RSS growth ${growthMb.toFixed(1)} MB`,
    );
    expect(count).toBe(ROWS);
    expect(lastLine).toBe(ROWS + 1);
    expect(quotedNotes).toBe(ROWS / 10);
    expect(growthMb).toBeLessThan(150);
  }, 120_000);
});
