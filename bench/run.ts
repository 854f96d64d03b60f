import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench -- <name>`: runs bench/<name>.ts, or bench/<name>/index.ts for a bench with
 * several files, whose last output line is one JSON object.
 */
const here = dirname(fileURLToPath(import.meta.url));
const name = process.argv[2];
const entries = await readdir(here, { withFileTypes: true });
const scripts = new Map<string, string>();
for (const entry of entries) {
  if (entry.isFile() && entry.name.endsWith('.ts') && entry.name !== 'run.ts')
    scripts.set(entry.name.slice(0, -3), join(here, entry.name));
  else if (entry.isDirectory() && existsSync(join(here, entry.name, 'index.ts')))
    scripts.set(entry.name, join(here, entry.name, 'index.ts'));
}
const script = name ? scripts.get(name) : undefined;
if (!script) {
  console.error(
    `Usage: npm run bench -- <name>\nAvailable: ${[...scripts.keys()].sort().join(', ')}`,
  );
  process.exit(2);
}
await import(script);
