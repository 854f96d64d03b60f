import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serialiseSchemaDocument } from '../../shared/schema/schema-document';
import { CommandFailure, EXIT_OK } from './cli-errors';
import {
  COMMON_OPTIONS,
  dataDirOf,
  parseCommandArgs,
  positionals,
  type CommandContext,
} from './command-args';
import { parseSource } from './parse-source';
import { createSourceReader, DEFAULT_KEY_ENV } from './source-reader';
import { EXPORT_USAGE } from './usage';

/** `schema export <source> [--out file]`: the canonical file on stdout or in a file. */
export const schemaExport = async (args: string[], context: CommandContext): Promise<number> => {
  const { io } = context;
  const { values, positionals: given } = parseCommandArgs(
    args,
    { ...COMMON_OPTIONS, out: { type: 'string' }, 'key-env': { type: 'string' } },
    EXPORT_USAGE,
  );
  if (values.help) {
    io.out(EXPORT_USAGE);
    return EXIT_OK;
  }
  const [sourceText] = positionals(given, ['<source>'], EXPORT_USAGE);
  const source = parseSource(sourceText!);
  const reader = createSourceReader(io, dataDirOf(values['data-dir'], context));
  try {
    if (source.kind !== 'file') io.err(`Reading the schema of ${source.text}…`);
    const { label, doc } = await reader.read(source, values['key-env'] ?? DEFAULT_KEY_ENV);
    const text = serialiseSchemaDocument(doc);
    const fields = doc.objects.reduce((sum, object) => sum + object.fields.length, 0);
    const summary = `${doc.objects.length} object(s), ${fields} custom field(s) from ${label}`;
    if (values.out === undefined) {
      io.out(text);
      io.err(`Exported ${summary}.`);
    } else {
      try {
        await writeFile(resolve(io.cwd, values.out), text);
      } catch (error) {
        throw new CommandFailure(`Could not write ${values.out}: ${(error as Error).message}`);
      }
      io.err(`Wrote ${values.out}: ${summary}.`);
    }
    return EXIT_OK;
  } finally {
    reader.close();
  }
};
