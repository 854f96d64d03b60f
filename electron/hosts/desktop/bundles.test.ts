import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A sandboxed preload may require only 'electron' (and a few Node shims); anything else fails at
// runtime in the window, which no browser-mode test would notice. Checked on the real bundle.
const here = dirname(fileURLToPath(import.meta.url));

describe('desktop bundles', () => {
  it('the preload bundles to CommonJS that requires nothing but electron, and stays small', async () => {
    const result = await build({
      entryPoints: [resolve(here, 'preload.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code.length).toBeLessThan(20_000);
    expect(code).toContain('exposeInMainWorld');
  });

  it('the main process bundles with packages left external', async () => {
    const result = await build({
      entryPoints: [resolve(here, 'main.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]!.text).toContain('contextIsolation: true');
  });
});
