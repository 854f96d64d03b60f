import { parentPort, workerData } from 'node:worker_threads';
import { compileMapping } from '../../shared/imports/convert-cell';
import { resolveKeyPath, rowKey } from '../../shared/imports/dedupe-keys';
import { benchMapping, benchModel, benchPerson } from './person-import';

/**
 * The experiment of parse-validate-side.ts `pipeline-workers`: converts batches of rows (cells in
 * header order) and answers each with what the main thread needs to dedupe and count — the
 * e-mail key of each row (NUL for none) and the numbers of problems. Values stay here: the
 * experiment measures what moving conversion off the reading thread can give, not a product
 * design (a validation pass that needs values back would pay to copy them).
 */
export interface ConvertRequest {
  id: number;
  rows: string[][];
}

export interface ConvertAnswer {
  id: number;
  /** One dedupe key per row, '\u0000' when the row has none, joined with '\u0001'. */
  keys: string;
  rowsWithErrors: number;
  errors: number;
  warnings: number;
  lookups: number;
}

const { headers } = workerData as { headers: string[] };
const convert = compileMapping(benchMapping, benchPerson, benchModel, {
  mode: 'create',
  headers,
  positional: true,
});
const target = resolveKeyPath(benchPerson, benchMapping.dedupe!.key);
if ('error' in target) throw new Error(target.error);

parentPort!.on('message', ({ id, rows }: ConvertRequest) => {
  const keys: string[] = new Array(rows.length);
  const answer: ConvertAnswer = {
    id,
    keys: '',
    rowsWithErrors: 0,
    errors: 0,
    warnings: 0,
    lookups: 0,
  };
  for (let i = 0; i < rows.length; i++) {
    const result = convert(rows[i]!);
    if (result.hasErrors) answer.rowsWithErrors++;
    for (const problem of result.problems)
      if (problem.severity === 'error') answer.errors++;
      else answer.warnings++;
    answer.lookups += result.lookups.length;
    keys[i] = rowKey(target, result.values) ?? '\u0000';
  }
  answer.keys = keys.join('\u0001');
  parentPort!.postMessage(answer);
});
