import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Where the inspector process's time went in a BENCH_PROFILE=1 run of bench/webhooks:
 *
 *   npx tsx bench/webhooks/profile-summary.ts <CPU.….cpuprofile> [top=20]
 *
 * With the `phases-<pid>.json` index.ts writes beside each profile, samples are split into the
 * flood (until the last answer) and the indexing after it. Each sample goes to the part of the
 * code nearest its leaf (PGlite, the journal, verification, the receiver, Node's HTTP, …), and
 * self time is listed by function. Bundle lines are named by the source file esbuild put there.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [path, topArgument] = process.argv.slice(2);
if (!path) {
  console.error('Usage: profile-summary.ts <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArgument ?? 20);
const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parents.set(child, node.id);

/** esbuild writes `// path/of/source.ts` before each module of a bundle. */
const bundleSources = new Map<string, string[]>();
const sourceOf = (url: string, line: number): string => {
  if (!url.startsWith('file://') || !url.includes('atelier-bench-webhooks')) return url;
  let sources = bundleSources.get(url);
  if (!sources) {
    let current = '(bundle)';
    sources = readFileSync(new URL(url), 'utf8')
      .split('\n')
      .map((text) => {
        const comment = /^\/\/ ([\w./@-]+\.[cm]?[jt]s)$/.exec(text);
        if (comment) current = comment[1]!;
        return current;
      });
    bundleSources.set(url, sources);
  }
  return sources[line] ?? '(bundle)';
};

const short = (url: string, line: number) => {
  const source = sourceOf(url, line);
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (module) return module[1]!;
  if (source.startsWith('wasm://')) return 'PGlite wasm';
  return source.startsWith('node:') ? source : basename(source);
};

const PARTS: Array<[RegExp, string]> = [
  [/^(@electric-sql\/pglite|PGlite wasm)$/, 'PGlite (index)'],
  [/^(delivery-index|delivery-log)\.ts$/, 'indexer'],
  [/^delivery-journal\.ts$/, 'journal'],
  [/^verify-delivery\.ts$/, 'verification'],
  [/^stored-delivery\.ts$/, 'stored-delivery fields'],
  [/^receiver-server\.ts$/, 'receiver'],
  [/^(inspector-process\.ts|inspector\.ts|node:internal\/child_process.*)$/, 'inspector / IPC'],
  [/^node:(_http|net|internal\/(streams|http|stream_base)|events)/, 'Node HTTP and streams'],
];
const partOf = (id: number): string => {
  const leaf = nodes.get(id)!.callFrame.functionName;
  if (leaf === '(idle)' || leaf === '(garbage collector)' || leaf === '(program)') return leaf;
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
    const { url, lineNumber } = nodes.get(at)!.callFrame;
    if (!url) continue;
    const file = short(url, lineNumber);
    for (const [pattern, part] of PARTS) if (pattern.test(file)) return part;
  }
  return 'other';
};

const pid = /\.(\d+)\.\d+\.\d+\.cpuprofile$/.exec(path)?.[1];
const phasesFile = join(dirname(path), `phases-${pid}.json`);
const phases: Record<string, [number, number]> = existsSync(phasesFile)
  ? (JSON.parse(readFileSync(phasesFile, 'utf8')) as Record<string, [number, number]>)
  : { whole: [profile.startTime, profile.endTime] };

const tables = new Map<string, { parts: Map<string, number>; functions: Map<string, number> }>();
const add = (table: Map<string, number>, key: string, us: number) =>
  table.set(key, (table.get(key) ?? 0) + us);
let at = profile.startTime;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  at += delta;
  const phase = Object.keys(phases).find((name) => at >= phases[name]![0] && at < phases[name]![1]);
  if (!phase) return;
  let table = tables.get(phase);
  if (!table) tables.set(phase, (table = { parts: new Map(), functions: new Map() }));
  add(table.parts, partOf(id), delta);
  const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
  add(
    table.functions,
    `${functionName || '(anonymous)'}${url ? ` ${short(url, lineNumber)}:${lineNumber + 1}` : ''}`,
    delta,
  );
});

const print = (title: string, table: Map<string, number>, totalUs: number) => {
  console.log(`  ${title}`);
  for (const [name, us] of [...table].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(
      `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((us / totalUs) * 100).toFixed(1).padStart(5)} %  ${name}`,
    );
};
console.log(path);
for (const [phase, { parts, functions }] of tables) {
  const [from, to] = phases[phase]!;
  const totalUs = to - from;
  console.log(`\n${phase}: ${(totalUs / 1000).toFixed(0)} ms of wall clock`);
  print('by part of the code (nearest the leaf)', parts, totalUs);
  print('self time by function', functions, totalUs);
}
