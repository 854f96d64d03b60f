import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SavedMapping } from '../../../shared/contract/imports';
import { AppError } from '../../../shared/errors/app-error';
import { parseMappingDocument, type MappingDocument } from '../../../shared/imports/mapping';

/**
 * Saved mappings: one JSON file each in `<dataDir>/mappings/`, the mapping document itself (the
 * command line's `--mapping` reads the same files). The file name is the mapping's name.
 */
export const createSavedMappings = (dataDir: string, warn: (message: string) => void) => {
  const dir = join(dataDir, 'mappings');
  const pathOf = (name: string) => join(dir, `${name}.json`);

  const readOne = async (file: string): Promise<SavedMapping | null> => {
    const name = file.replace(/\.json$/, '');
    try {
      const text = await readFile(join(dir, file), 'utf8');
      const parsed = parseMappingDocument(JSON.parse(text));
      if (!parsed.ok) {
        warn(`Saved mapping ${file} is not readable: ${parsed.problems.join('; ')}`);
        return null;
      }
      const { mtime } = await stat(join(dir, file));
      return {
        name,
        object: parsed.mapping.object,
        mapping: parsed.mapping,
        updatedAt: mtime.toISOString(),
      };
    } catch (error) {
      warn(`Saved mapping ${file} is not readable: ${(error as Error).message}`);
      return null;
    }
  };

  return {
    dir,
    async list(): Promise<SavedMapping[]> {
      const files = (await readdir(dir).catch(() => [] as string[])).filter((file) =>
        file.endsWith('.json'),
      );
      const read = await Promise.all(files.map(readOne));
      return read
        .filter((entry): entry is SavedMapping => entry !== null)
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    async save(name: string, mapping: MappingDocument): Promise<SavedMapping> {
      await mkdir(dir, { recursive: true });
      const document = { ...mapping, name };
      const path = pathOf(name);
      await writeFile(`${path}.partial`, `${JSON.stringify(document, null, 2)}\n`);
      await rename(`${path}.partial`, path);
      return {
        name,
        object: mapping.object,
        mapping: document,
        updatedAt: new Date().toISOString(),
      };
    },
    async remove(name: string): Promise<boolean> {
      try {
        await rm(pathOf(name));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },
    /** A mapping document from any JSON file, or what is wrong with it. */
    async readFile(path: string): Promise<{ mapping: MappingDocument | null; problems: string[] }> {
      let json: unknown;
      try {
        json = JSON.parse(await readFile(path, 'utf8'));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new AppError('NOT_FOUND', `No file at ${path}`);
        return { mapping: null, problems: [`Not a JSON file: ${(error as Error).message}`] };
      }
      const parsed = parseMappingDocument(json);
      return parsed.ok
        ? { mapping: parsed.mapping, problems: [] }
        : { mapping: null, problems: parsed.problems };
    },
    async read(name: string): Promise<SavedMapping> {
      const found = await readOne(`${name}.json`);
      if (!found) throw new AppError('NOT_FOUND', `No saved mapping named "${name}"`);
      return found;
    },
  };
};
export type SavedMappings = ReturnType<typeof createSavedMappings>;
