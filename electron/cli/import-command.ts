import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseMappingDocument, type MappingDocument } from '../../shared/imports/mapping';
import { IMPORT_MODES, SOURCE_ENCODING_NAMES } from '../../shared/contract/imports';
import { readModel } from '../services/data-model/read-model';
import { readJournal, replayJournal } from '../services/imports/run/import-journal';
import { collectResults, writeResultFiles } from '../services/imports/run/result-file';
import { rollbackImport } from '../services/imports/run/rollback-import';
import { runImport, type RunStep } from '../services/imports/run/run-import';
import { createRateMeter } from '../services/imports/rate-meter';
import { createSavedMappings } from '../services/imports/saved-mappings';
import { openStep, targetObject } from '../services/imports/stage/converted-rows';
import { validateStep } from '../services/imports/stage/validate-step';
import { dedupeKeyError } from '../services/imports/stage/key-checks';
import { CommandFailure, EXIT_FAILURE, EXIT_OK, SourceError, UsageError } from './cli-errors';
import {
  COMMON_OPTIONS,
  dataDirOf,
  parseCommandArgs,
  positionals,
  type CommandContext,
} from './command-args';
import { parseSource, type WorkspaceSpec } from './parse-source';
import { createSourceReader, DEFAULT_KEY_ENV } from './source-reader';
import { IMPORT_USAGE } from './usage';

/**
 * `atelier import <file> --connection <workspace> --mapping <file> [--object] [--mode] [--dry-run]`:
 * the wizard's engine from a terminal. The run keeps its journal in a work folder named after the
 * target, the file, the mapping and the mode, so the same command after a crash, a kill or Ctrl-C
 * carries on where it stopped; once a run has finished, the next one starts afresh (the last
 * run's folder is kept for `--rollback`). docs/cli.md describes it.
 */
const OPTIONS = {
  ...COMMON_OPTIONS,
  connection: { type: 'string' },
  mapping: { type: 'string' },
  object: { type: 'string' },
  mode: { type: 'string', default: 'create' },
  'dry-run': { type: 'boolean', default: false },
  rollback: { type: 'boolean', default: false },
  strict: { type: 'boolean', default: false },
  'work-dir': { type: 'string' },
  results: { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  sheet: { type: 'string' },
  'header-row': { type: 'string' },
  'key-env': { type: 'string' },
} as const;

const workspaceSpec = (text: string): WorkspaceSpec => {
  const spec = parseSource(
    text.startsWith('url:') || text.startsWith('connection:') ? text : `connection:${text}`,
  );
  if (spec.kind === 'file') throw new SourceError(`--connection ${text} is not a workspace`);
  return spec;
};

const readMapping = async (
  value: string,
  cwd: string,
  dataDir: string,
): Promise<MappingDocument> => {
  const path = resolve(cwd, value);
  let text: string | null = null;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text === null) {
    // Not a file: a mapping saved in the app by that name.
    const saved = await createSavedMappings(dataDir, () => {})
      .read(value)
      .catch(() => null);
    if (!saved)
      throw new SourceError(
        `No mapping file ${value} (and no mapping saved in the app by that name)`,
      );
    return saved.mapping;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SourceError(`${value} is not JSON: ${(error as Error).message}`);
  }
  const parsed = parseMappingDocument(json);
  if (!parsed.ok)
    throw new SourceError(`${value} is not an import mapping:\n  ${parsed.problems.join('\n  ')}`);
  return parsed.mapping;
};

const number = (value: number) => value.toLocaleString('en-US');

export const importCommand = async (args: string[], context: CommandContext): Promise<number> => {
  const { io } = context;
  const { values, positionals: given } = parseCommandArgs(args, OPTIONS, IMPORT_USAGE);
  if (values.help) {
    io.out(IMPORT_USAGE);
    return EXIT_OK;
  }
  const [file] = positionals(given, ['<file>'], IMPORT_USAGE);
  if (!values.connection) throw new UsageError('Missing --connection <workspace>', IMPORT_USAGE);
  if (!values.mapping) throw new UsageError('Missing --mapping <file>', IMPORT_USAGE);
  const mode = values.mode as (typeof IMPORT_MODES)[number];
  if (!IMPORT_MODES.includes(mode))
    throw new UsageError(`--mode is create, update or upsert, not ${values.mode}`, IMPORT_USAGE);
  if (values.encoding && !(SOURCE_ENCODING_NAMES as readonly string[]).includes(values.encoding))
    throw new UsageError(`--encoding is one of ${SOURCE_ENCODING_NAMES.join(', ')}`, IMPORT_USAGE);
  const headerRow = values['header-row'] === undefined ? undefined : Number(values['header-row']);
  if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 1))
    throw new UsageError('--header-row is a row number from 1', IMPORT_USAGE);
  if (values['dry-run'] && values.rollback)
    throw new UsageError('--dry-run and --rollback do not go together', IMPORT_USAGE);

  const dataDir = dataDirOf(values['data-dir'], context);
  const path = resolve(io.cwd, file!);
  await stat(path).catch(() => {
    throw new SourceError(`No such file: ${file}`);
  });
  const mapping = await readMapping(values.mapping, io.cwd, dataDir);
  if (values.object) mapping.object = values.object;
  const source = {
    ...(values.encoding
      ? { encoding: values.encoding as (typeof SOURCE_ENCODING_NAMES)[number] }
      : {}),
    ...(values.delimiter ? { delimiter: values.delimiter.replace(/^\\t$/, '\t') } : {}),
    ...(values.sheet ? { sheet: values.sheet } : {}),
    ...(headerRow ? { headerRow } : {}),
  };

  const reader = createSourceReader(io, dataDir);
  const controller = new AbortController();
  const onSignal = () => {
    io.err('Stopping after the current batch… (run the same command again to carry on)');
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const workspace = await reader.open(
      workspaceSpec(values.connection),
      values['key-env'] ?? DEFAULT_KEY_ENV,
    );
    const { client } = workspace;
    const model = await readModel(client, controller.signal);
    const object = targetObject(model, mapping.object);
    if (mode !== 'create' && !mapping.dedupe)
      throw new SourceError(
        `${mode} mode needs a dedupe key in the mapping ("dedupe": { "key": … })`,
      );
    const keyError = dedupeKeyError(mapping, object);
    if (keyError) throw new SourceError(`Dedupe key: ${keyError}`);
    const opened = await openStep({ path, source, mapping, mode }, model);
    for (const problem of opened.mappingProblems)
      io.err(
        `${problem.severity === 'error' ? 'Mapping error' : 'Mapping warning'}: ${problem.message}`,
      );
    if (opened.mappingProblems.some((problem) => problem.severity === 'error'))
      throw new CommandFailure('The mapping has errors: nothing was written');

    const identity = createHash('sha256')
      .update(JSON.stringify([client.baseUrl, path, mapping, mode, source]))
      .digest('hex')
      .slice(0, 16);
    const base = values['work-dir']
      ? resolve(io.cwd, values['work-dir'])
      : join(dataDir, 'cli-imports');
    let workDir = join(base, `${basename(path).replace(/[^\w.-]+/g, '-')}-${identity}`);
    const journalPath = () => join(workDir, 'journal.jsonl');
    const step: RunStep = {
      id: 'file',
      path,
      source,
      mapping,
      mode,
      fixes: { cells: {}, excluded: [] },
      stagedPath: join(workDir, 'staged.jsonl'),
      settledPath: join(workDir, 'settled.jsonl'),
    };
    const retarget = () => {
      step.stagedPath = join(workDir, 'staged.jsonl');
      step.settledPath = join(workDir, 'settled.jsonl');
    };

    if (values.rollback) {
      const previous = (await readdir(base).catch(() => [] as string[]))
        .filter((name) => name.startsWith(basename(workDir)))
        .sort();
      if (previous.length === 0)
        throw new CommandFailure(`No run of this import to roll back in ${base}`);
      workDir = join(
        base,
        previous.includes(basename(workDir)) ? basename(workDir) : previous.at(-1)!,
      );
      const state = replayJournal(await readJournal(journalPath()));
      if (state.rollbackDone) {
        io.out(`Already rolled back (${workDir})`);
        return EXIT_OK;
      }
      io.err(`Rolling back the run in ${workDir}`);
      const totals = await rollbackImport({
        steps: [step.id],
        client,
        journalPath: journalPath(),
        signal: controller.signal,
        onProgress: (done, total) => io.err(`Rolling back: batch ${done} of ${total}`),
      });
      io.out(
        `Rolled back: ${number(totals.deleted)} records deleted, ${number(totals.restored)} restored to their previous values`,
      );
      return EXIT_OK;
    }

    if (values['dry-run']) {
      workDir = join(base, `${basename(workDir)}-dry-run`);
      await rm(workDir, { recursive: true, force: true });
      retarget();
    } else {
      const state = replayJournal(await readJournal(journalPath()));
      if (state.runDone || state.rollbackDone) {
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        await rename(workDir, `${workDir}-${stamp}`);
      } else if (state.steps.size > 0) io.err(`Carrying on the run in ${workDir}`);
    }
    await mkdir(workDir, { recursive: true });

    // Validation: in the file and against the workspace (reads only).
    io.err(`Checking ${basename(path)} against ${workspace.label}…`);
    const checked = await validateStep({
      step,
      model,
      fixes: step.fixes,
      storePath: join(workDir, 'problems.jsonl'),
      client,
      signal: controller.signal,
    });
    io.err(
      `${number(checked.rows)} rows: ${number(checked.errorRows)} with errors, ${number(checked.warningRows)} with warnings, ${number(checked.duplicateRows)} duplicates${checked.existingRows === null ? '' : `, ${number(checked.existingRows)} already in the workspace`}`,
    );
    if (values.strict && checked.errorRows > 0)
      throw new CommandFailure(
        `${checked.errorRows} rows have errors and --strict is set: nothing was written`,
      );

    const meter = createRateMeter();
    let lastLine = 0;
    const totals = await runImport({
      steps: [step],
      model,
      client,
      journalPath: journalPath(),
      signal: controller.signal,
      planOnly: values['dry-run'],
      onProgress: (at) => {
        if (at.phase !== 'writing') return;
        const rate = meter.sample(at.done);
        const now = Date.now();
        if (now - lastLine < 1000 && at.done !== at.total) return;
        lastLine = now;
        const eta = rate && at.total ? Math.round((at.total - at.done) / rate) : null;
        io.err(
          `${values['dry-run'] ? 'Planning' : 'Writing'} ${number(at.done)} / ${number(at.total ?? 0)} rows${rate ? ` · ${number(Math.round(rate))} rows/s` : ''}${eta !== null ? ` · ETA ${eta} s` : ''}`,
        );
      },
    });
    const rows = await collectResults(
      [{ id: step.id, fileName: basename(path), settledPath: step.settledPath }],
      journalPath(),
    );
    const csv = values.results ? resolve(io.cwd, values.results) : join(workDir, 'results.csv');
    await writeResultFiles(rows, { jsonl: join(workDir, 'results.jsonl'), csv });
    const t = totals.get(step.id)!;
    const verb = values['dry-run'] ? 'Dry run (nothing written): would have' : 'Done:';
    io.out(
      `${verb} ${number(t.created)} created, ${number(t.updated)} updated, ${number(t.skipped)} skipped, ${number(t.failed)} failed${t.parentsCreated ? `, ${number(t.parentsCreated)} linked records created` : ''}`,
    );
    io.out(`Results: ${csv}`);
    return t.failed > 0 ? EXIT_FAILURE : EXIT_OK;
  } catch (error) {
    if (controller.signal.aborted)
      throw new CommandFailure('Stopped. Run the same command again to carry on where it stopped.');
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    reader.close();
  }
};
