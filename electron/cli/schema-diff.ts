import { diffSchemas } from '../../shared/schema/diff-schema';
import { planChanges } from '../../shared/schema/plan-changes';
import { detectRenames, noRenames } from '../../shared/schema/renames';
import { EXIT_FAILURE, EXIT_OK } from './cli-errors';
import {
  COMMON_OPTIONS,
  dataDirOf,
  DETECT_RENAMES_OPTION,
  KEY_ENV_OPTIONS,
  parseCommandArgs,
  positionals,
  type CommandContext,
} from './command-args';
import { formatChanges } from '../../shared/schema/describe-changes';
import { formatPlan, formatRenames } from './format-plan';
import { parseSource } from './parse-source';
import { createSourceReader, DEFAULT_KEY_ENV, type SourceSchema } from './source-reader';
import { DIFF_USAGE } from './usage';

/**
 * `schema diff <from> <to> [--json] [--detect-renames]`: exit 0 when the schemas are the same,
 * 1 when not.
 */
export const schemaDiff = async (args: string[], context: CommandContext): Promise<number> => {
  const { io } = context;
  const { values, positionals: given } = parseCommandArgs(
    args,
    {
      ...COMMON_OPTIONS,
      json: { type: 'boolean', default: false },
      ...DETECT_RENAMES_OPTION,
      ...KEY_ENV_OPTIONS,
    },
    DIFF_USAGE,
  );
  if (values.help) {
    io.out(DIFF_USAGE);
    return EXIT_OK;
  }
  const [fromText, toText] = positionals(given, ['<from>', '<to>'], DIFF_USAGE);
  const from = parseSource(fromText!);
  const to = parseSource(toText!);
  const reader = createSourceReader(io, dataDirOf(values['data-dir'], context));
  try {
    const [a, b] = (await reader.readAll([
      [from, values['from-key-env'] ?? DEFAULT_KEY_ENV],
      [to, values['to-key-env'] ?? DEFAULT_KEY_ENV],
    ])) as [SourceSchema, SourceSchema];
    const detect = values['detect-renames'];
    const renames = detect ? detectRenames(a.doc, b.doc) : noRenames();
    const changes = diffSchemas(a.doc, b.doc, renames);
    const plan = planChanges(changes);
    if (values.json)
      io.out(JSON.stringify({ ...(detect ? { renames } : {}), changes, plan }, null, 2));
    else if (changes.length === 0) io.out(`No differences between ${a.label} and ${b.label}.`);
    else
      io.out(
        [
          ...(detect ? [formatRenames(renames), ''] : []),
          `Changes from ${a.label} to ${b.label} (${changes.length}):`,
          formatChanges(changes),
          '',
          formatPlan(plan),
        ].join('\n'),
      );
    return changes.length === 0 ? EXIT_OK : EXIT_FAILURE;
  } finally {
    reader.close();
  }
};
