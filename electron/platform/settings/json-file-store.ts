import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

/**
 * One JSON document on disk, validated on read and replaced atomically on write (temp file +
 * rename), so a crash mid-write never leaves half a settings file. A file that no longer parses
 * is kept beside it as `.corrupt-<time>` rather than overwritten, and defaults are used.
 */
export interface JsonFileStore<T> {
  read(): Promise<T>;
  write(value: T): Promise<void>;
  readonly path: string;
}

export const createJsonFileStore = <S extends z.ZodType>(
  path: string,
  schema: S,
  defaults: () => z.output<S>,
  onRecovered: (message: string) => void = () => {},
): JsonFileStore<z.output<S>> => {
  // Writes are serialised so two quick edits cannot interleave their renames.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    path,
    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaults();
        throw error;
      }
      try {
        return schema.parse(JSON.parse(text));
      } catch (error) {
        const kept = `${path}.corrupt-${Date.now()}`;
        await rename(path, kept);
        onRecovered(
          `Settings at ${path} were unreadable (${(error as Error).message.slice(0, 200)}); kept as ${kept}`,
        );
        return defaults();
      }
    },
    write(value) {
      const run = queue.then(async () => {
        await mkdir(dirname(path), { recursive: true });
        const temp = `${path}.${randomUUID()}.tmp`;
        await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
        await rename(temp, path);
      });
      queue = run.catch(() => {});
      return run;
    },
  };
};
