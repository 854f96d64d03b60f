import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-errors';
import type { CliIo } from './cli-io';

/** `parseArgs` in strict mode, its complaints turned into usage errors that show the help. */
export const parseCommandArgs = <T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  usage: string,
) => {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message, usage);
  }
};

export const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The key variables of a command's two sources (diff: <from> <to>; apply: <desired> --to). */
export const KEY_ENV_OPTIONS = {
  'from-key-env': { type: 'string' },
  'to-key-env': { type: 'string' },
} as const;

/** diff and apply: guess renames from the two schemas (shared/schema/renames.ts). */
export const DETECT_RENAMES_OPTION = {
  'detect-renames': { type: 'boolean', default: false },
} as const;

/** Exactly these positional arguments, by name, or a usage error. */
export const positionals = (given: string[], names: readonly string[], usage: string): string[] => {
  if (given.length < names.length)
    throw new UsageError(`Missing ${names.slice(given.length).join(' and ')}`, usage);
  if (given.length > names.length)
    throw new UsageError(`Unexpected argument: ${given[names.length]}`, usage);
  return given;
};

export interface CommandContext {
  io: CliIo;
  /** The app's data dir when --data-dir is not given (where `npm start` keeps it). */
  defaultDataDir: string;
}

export const dataDirOf = (value: string | undefined, context: CommandContext): string =>
  value === undefined ? context.defaultDataDir : resolve(context.io.cwd, value);
