import {
  CommandFailure,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  SourceError,
  UsageError,
} from './cli-errors';
import type { CommandContext } from './command-args';
import { schemaApply } from './schema-apply';
import { schemaDiff } from './schema-diff';
import { schemaExport } from './schema-export';
import { importCommand } from './import-command';
import { IMPORT_USAGE, SCHEMA_USAGE } from './usage';

/**
 * `atelier schema <command>`: picks the command, runs it and turns what it throws into a message
 * on stderr and an exit code. diff keeps 1 for "different", so its failures exit 2.
 */
const COMMANDS: Record<
  string,
  { run: (args: string[], context: CommandContext) => Promise<number>; failureExit: number }
> = {
  export: { run: schemaExport, failureExit: EXIT_FAILURE },
  diff: { run: schemaDiff, failureExit: EXIT_USAGE },
  apply: { run: schemaApply, failureExit: EXIT_FAILURE },
};

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h' || arg === 'help';

export const runCli = async (argv: string[], context: CommandContext): Promise<number> => {
  const { io } = context;
  const [group, command, ...args] = argv;
  if (isHelp(group) || (group === 'schema' && isHelp(command))) {
    io.out(SCHEMA_USAGE);
    return EXIT_OK;
  }
  let failureExit = EXIT_FAILURE;
  try {
    if (group === 'import') {
      if (isHelp(command)) {
        io.out(IMPORT_USAGE);
        return EXIT_OK;
      }
      return await importCommand(argv.slice(1), context);
    }
    if (group !== 'schema')
      throw new UsageError(
        group === undefined ? 'Missing command' : `Unknown command "${group}"`,
        SCHEMA_USAGE,
      );
    const entry = command === undefined ? undefined : COMMANDS[command];
    if (!entry)
      throw new UsageError(
        command === undefined
          ? 'Missing schema command (export, diff or apply)'
          : `Unknown schema command "${command}" (export, diff or apply)`,
        SCHEMA_USAGE,
      );
    failureExit = entry.failureExit;
    return await entry.run(args, context);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`Error: ${error.message}\n`);
      if (error.usage) io.err(error.usage);
      return EXIT_USAGE;
    }
    if (error instanceof SourceError) {
      io.err(`Error: ${error.message}`);
      return EXIT_USAGE;
    }
    if (error instanceof CommandFailure) {
      io.err(error.message);
      return failureExit;
    }
    io.err(`Error: ${(error as Error).message ?? String(error)}`);
    return failureExit;
  }
};
