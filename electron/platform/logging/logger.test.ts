import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, createRedactor } from './logger';

describe('log redaction', () => {
  it('removes registered secrets, bearer tokens and JWT-shaped strings', () => {
    const redactor = createRedactor();
    redactor.register('atelier_local_supersecretvalue');
    const line = redactor.redact(
      'key=atelier_local_supersecretvalue auth="Bearer abc.def" jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig',
    );
    expect(line).not.toContain('supersecret');
    expect(line).not.toContain('abc.def');
    expect(line).not.toContain('eyJhbGciOiJIUzI1NiJ9');
  });

  it('writes JSON lines with errors and no secret', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atelier-log-'));
    const file = join(dir, 'logs', 'app.log');
    const logger = createLogger({ file, console: false });
    logger.registerSecret('my-api-key-1234567');
    logger.error('failed with my-api-key-1234567', { error: new Error('boom my-api-key-1234567') });
    const [line] = (await readFile(file, 'utf8')).trim().split('\n');
    const entry = JSON.parse(line!);
    expect(entry).toMatchObject({ level: 'error', error: { message: 'boom [redacted]' } });
    expect(line).not.toContain('my-api-key-1234567');
    await rm(dir, { recursive: true, force: true });
  });
});
