import { DEFAULT_KEYCHAIN_SERVICE } from '../platform/keychain';

/** Help texts; each command's text is shown with its usage errors. */
const SOURCES = `Sources:
  ./schema.json        a schema file, JSON or YAML (.yaml/.yml; format: docs/schema-file.md)
  url:<baseUrl>        a Twenty workspace; its API key is read from the environment variable
                       TWENTY_API_KEY (or the one --key-env names), never from the command line
  connection:<name>    a connection saved in the app: found by name in <data dir>/settings.json,
                       its key in the OS keychain`;

const COMMON = `  --data-dir <dir>       the app's data dir, for connection: sources   default .atelier-data
  -h, --help             show this help`;

const ENVIRONMENT = `Environment: TWENTY_API_KEY (key of url: sources), ATELIER_KEYCHAIN_SERVICE (keychain service of
connection: sources, default ${DEFAULT_KEYCHAIN_SERVICE}).`;

export const SCHEMA_USAGE = `Usage: npm run atelier -- schema <command> [options]

Commands:
  export <source> [--out <file>] [--format json|yaml]
                                           write the schema as canonical JSON or YAML (stdout by default)
  diff <from> <to> [--json] [--detect-renames]
                                           show the changes and the plan that turns <from> into <to>
  apply <desired> --to <workspace> [--yes] [--allow-destructive] [--detect-renames]
                                           make a workspace match a schema (a dry run without --yes)

${SOURCES}

Exit codes: 0 done; 1 failed or refused; 2 wrong command line or unusable source.
diff, like diff(1): 0 same, 1 different, 2 any error.
${ENVIRONMENT}
Help on one command: npm run atelier -- schema <command> --help`;

export const EXPORT_USAGE = `Usage: npm run atelier -- schema export <source> [--out <file>] [--format json|yaml]

Reads the schema of <source> (custom objects, custom fields, relations, options) and writes it in
canonical form: the same model always gives the same text. Progress goes to stderr.

  --out <file>           write to this file instead of stdout
  --format json|yaml     the file format   default: yaml for a .yaml/.yml --out, else json
  --key-env <NAME>       variable holding the key of a url: source   default TWENTY_API_KEY
${COMMON}

${SOURCES}

Exit codes: 0 written; 1 the workspace could not be read; 2 wrong command line or unusable source.`;

export const DIFF_USAGE = `Usage: npm run atelier -- schema diff <from> <to> [--json] [--detect-renames]

Prints what differs between two schemas and the plan of metadata operations that would turn
<from> into <to> (numbered steps; destructive ones marked; unsupported ones with their reason).

  --json                 print {"changes": [...], "plan": {"steps": [...]}} instead
  --detect-renames       read a removed and an added object, field or option that look alike as a
                         rename (the data stays) and list the renames found
  --from-key-env <NAME>  key variable of a url: <from>   default TWENTY_API_KEY
  --to-key-env <NAME>    key variable of a url: <to>     default TWENTY_API_KEY
${COMMON}

${SOURCES}

Exit codes, like diff(1): 0 same schema, 1 different, 2 any error.`;

export const APPLY_USAGE = `Usage: npm run atelier -- schema apply <desired> --to <workspace> [--yes] [--allow-destructive]
                                [--detect-renames]

Plans the changes that make <workspace> match <desired> (a schema file or another workspace) and
prints the plan. Without --yes it stops there (dry run). With --yes it applies the steps one by
one, with progress on stderr (records done, for the steps that copy or move values), and prints
the report: applied, failed (with Twenty's message) and skipped steps. It refuses plans with
unsupported steps, and plans that drop data unless --allow-destructive is given. Ctrl-C stops
after the current step. A plan that failed can be applied again.

  --to <workspace>       url:<baseUrl> or connection:<name> (required)
  --yes                  apply; without it nothing is changed
  --allow-destructive    allow steps that drop data (deleted fields, objects, options; type
                         changes; option merges)
  --detect-renames       read look-alike removals and additions as renames (listed first)
  --from-key-env <NAME>  key variable of a url: <desired>   default TWENTY_API_KEY
  --to-key-env <NAME>    key variable of a url: --to        default TWENTY_API_KEY
${COMMON}

${SOURCES}

Exit codes: 0 applied, nothing to do, or a dry run of a plan that would run; 1 refused or failed
(the failed step and Twenty's message are named); 2 wrong command line or unusable source.`;

export const IMPORT_USAGE = `Usage: npm run atelier -- import <file> --connection <workspace> --mapping <mapping> [options]

Import a CSV or XLSX file into a workspace with the wizard's engine: every row checked, duplicates
resolved by the mapping's rule, batches paced under the workspace's rate limit, a journal that lets
the same command carry on after a crash, a kill or Ctrl-C, and a per-row results file.

  <file>                 a .csv (any delimiter and encoding) or .xlsx file
  --connection <ws>      connection:<name> or <name> (a connection saved in the app), or url:<baseUrl>
                         (key from TWENTY_API_KEY or the variable --key-env names)
  --mapping <mapping>    a mapping file (JSON, docs/import-mapping.md) or the name of a mapping saved in the app
  --object <name>        the target object (default: the mapping's)
  --mode <mode>          create (default) | update | upsert (update and upsert need the mapping's dedupe key)
  --dry-run              check and plan every batch against the workspace (reads only): what would be
                         created, updated, skipped or refused; nothing is written
  --rollback             undo the last run of this same command: delete what it created, restore
                         what it updated
  --strict               write nothing when a row has errors (default: such rows are reported as failed)
  --results <file>       where to write the per-row results CSV (default: in the work folder)
  --work-dir <dir>       where runs keep their journal     default <data dir>/cli-imports
  --encoding <name>      utf-8 | utf-16le | utf-16be | windows-1252 | iso-8859-1 (default: detected)
  --delimiter <char>     CSV delimiter (default: detected; \\t for tab)
  --sheet <name>         XLSX sheet (default: the first visible one)
  --header-row <n>       row of the column names (default: the first row with content)
  --key-env <NAME>       environment variable holding the key of a url: workspace
${COMMON}

Exit codes: 0 every row written or skipped; 1 some rows failed, or the run stopped (run it again
to carry on); 2 wrong command line or unusable file, mapping or workspace.`;
