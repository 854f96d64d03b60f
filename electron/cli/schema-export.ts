import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serialiseSchemaFile, type SchemaFileFormat } from '../../shared/schema/schema-file-format';
import { CommandFailure, EXIT_OK, UsageError } from './cli-errors';
import {
  COMMON_OPTIONS,
  dataDirOf,
  parseCommandArgs,
  positionals,
  type CommandContext,
} from './command-args';
import { parseSource } from './parse-source';
import { createSourceReader, DEFAULT_KEY_ENV, formatOfPath } from './source-reader';
import { EXPORT_USAGE } from './usage';

/** `--format`, else the extension of `--out` (.yaml/.yml), else JSON. */
const formatOf = (format: string | undefined, out: string | undefined): SchemaFileFormat => {
  if (format === undefined) return (out && formatOfPath(out)) || 'json';
  if (format === 'json' || format === 'yaml') return format;
  throw new UsageError(`--format is json or yaml, not "${format}"`, EXPORT_USAGE);
};

/** `schema export <source> [--out file] [--format json|yaml]`: the canonical file on stdout or in a file. */
export const schemaExport = async (args: string[], context: CommandContext): Promise<number> => {
  const { io } = context;
  const { values, positionals: given } = parseCommandArgs(
    args,
    {
      ...COMMON_OPTIONS,
      out: { type: 'string' },
      format: { type: 'string' },
      'key-env': { type: 'string' },
    },
    EXPORT_USAGE,
  );
  if (values.help) {
    io.out(EXPORT_USAGE);
    return EXIT_OK;
  }
  const [sourceText] = positionals(given, ['<source>'], EXPORT_USAGE);
  const format = formatOf(values.format, values.out);
  const source = parseSource(sourceText!);
  const reader = createSourceReader(io, dataDirOf(values['data-dir'], context));
  try {
    if (source.kind !== 'file') io.err(`Reading the schema of ${source.text}…`);
    const { label, doc } = await reader.read(source, values['key-env'] ?? DEFAULT_KEY_ENV);
    const text = serialiseSchemaFile(doc, format);
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
