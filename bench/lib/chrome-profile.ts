import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';

/**
 * Where the page's time goes during one phase of a bench (BENCH_PROFILE=1): a Chrome trace of the
 * renderer's main thread, summed by DevTools' categories (scripting, style and layout, paint and
 * compositing, GC), and a V8 CPU profile whose JavaScript self time is attributed through the
 * renderer's source maps to the package or source file it comes from (elkjs, @xyflow/react,
 * react-dom, renderer/…). Both raw files are kept for DevTools.
 */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'blink.user_timing',
  'toplevel',
];

export interface PhaseProfile {
  /** Main-thread self time by category, ms. */
  mainThread: Record<string, number>;
  /** Raster and compositor threads, ms (software raster with --disable-gpu). */
  rasterMs: number;
  /** JavaScript self time by package or source file, ms, biggest first. */
  scriptByOrigin: Array<[string, number]>;
  /** The hottest functions (original names where the source map has them). */
  topFunctions: Array<[string, number]>;
}

// ---------------------------------------------------------------------------------------------
// Trace: self time of the renderer main thread's events, by category.

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const SCRIPTING = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'V8.CompileCode',
  'V8.ParseFunction',
  'v8.execute',
  'V8.Execute',
  'v8.run',
  'v8.callFunction',
  'RunMicrotasks',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'FireIdleCallback',
  'v8.produceCache',
  'v8.deserializeOnBackground',
]);
const RENDERING = new Set([
  'UpdateLayoutTree',
  'RecalculateStyles',
  'Layout',
  'HitTest',
  'PrePaint',
  'ScheduleStyleRecalculation',
  'InvalidateLayout',
  'UpdateLayerTree',
  'IntersectionObserverController::computeIntersections',
  'ComputeIntersections',
]);
const PAINTING = new Set([
  'Paint',
  'PaintImage',
  'CompositeLayers',
  'Commit',
  'Layerize',
  'Rasterize',
  'RasterTask',
  'DecodeImage',
  'UpdateLayer',
  'PaintSetup',
]);
const category = (name: string): string =>
  SCRIPTING.has(name)
    ? 'scripting'
    : RENDERING.has(name)
      ? 'styleAndLayout'
      : PAINTING.has(name)
        ? 'paint'
        : /GC|Heap|Sweep|Mark/.test(name)
          ? 'gc'
          : 'other';

const selfTimes = (events: TraceEvent[]): Map<TraceEvent, number> => {
  const sorted = events
    .filter((event) => event.ph === 'X' && event.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<TraceEvent, number>();
  const stack: TraceEvent[] = [];
  for (const event of sorted) {
    while (stack.length > 0 && stack.at(-1)!.ts + stack.at(-1)!.dur! <= event.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent)
      self.set(
        parent,
        self.get(parent)! - Math.min(event.dur!, parent.ts + parent.dur! - event.ts),
      );
    self.set(event, event.dur!);
    stack.push(event);
  }
  return self;
};

const summariseTrace = (trace: { traceEvents: TraceEvent[] }) => {
  const names = new Map<string, string>();
  for (const event of trace.traceEvents)
    if (event.ph === 'M' && event.name === 'thread_name')
      names.set(`${event.pid}:${event.tid}`, event.args?.name ?? '');
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of trace.traceEvents) {
    if (event.ph !== 'X') continue;
    const key = `${event.pid}:${event.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key)!.push(event);
  }
  // The page's main thread: the busiest CrRendererMain.
  let main: TraceEvent[] = [];
  let rasterUs = 0;
  for (const [key, events] of byThread) {
    const name = names.get(key) ?? '';
    if (name === 'CrRendererMain' && events.length > main.length) main = events;
    if (/^(Compositor|CompositorTileWorker|Raster)/.test(name))
      for (const [, us] of selfTimes(events)) rasterUs += us;
  }
  const mainThread: Record<string, number> = {};
  for (const [event, us] of selfTimes(main)) {
    const key = category(event.name);
    mainThread[key] = (mainThread[key] ?? 0) + us / 1000;
  }
  for (const key of Object.keys(mainThread)) mainThread[key] = Math.round(mainThread[key]!);
  return { mainThread, rasterMs: Math.round(rasterUs / 1000) };
};

// ---------------------------------------------------------------------------------------------
// CPU profile: self time per function, mapped through the bundles' source maps.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((char, i) => [char, i]));

/** Segments of one generated line: [column, source, sourceLine, sourceColumn, name]. */
type Segment = [number, number, number, number, number];

const decodeMappings = (mappings: string): Segment[][] => {
  const lines: Segment[][] = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let name = 0;
  for (const line of mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const text of line.split(',')) {
      if (!text) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of text) {
        const digit = BASE64_VALUE.get(char)!;
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0]!;
      if (values.length >= 4) {
        source += values[1]!;
        sourceLine += values[2]!;
        sourceColumn += values[3]!;
      }
      if (values.length >= 5) name += values[4]!;
      segments.push([column, source, sourceLine, sourceColumn, values.length >= 5 ? name : -1]);
    }
    lines.push(segments);
  }
  return lines;
};

interface SourceMap {
  sources: string[];
  names: string[];
  lines: Segment[][];
}

const createMapper = (assetsDir: string) => {
  const maps = new Map<string, SourceMap | null>();
  const load = (file: string): SourceMap | null => {
    if (!maps.has(file)) {
      try {
        const raw = JSON.parse(readFileSync(join(assetsDir, `${file}.map`), 'utf8')) as {
          sources: string[];
          names: string[];
          mappings: string;
        };
        maps.set(file, {
          sources: raw.sources,
          names: raw.names,
          lines: decodeMappings(raw.mappings),
        });
      } catch {
        maps.set(file, null);
      }
    }
    return maps.get(file)!;
  };
  return (url: string, line: number, column: number) => {
    const file = /\/assets\/([^/?#]+\.js)/.exec(url)?.[1];
    const map = file ? load(file) : null;
    const segments = map?.lines[line];
    if (!map || !segments || segments.length === 0) return null;
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (segments[mid]![0] <= column) low = mid;
      else high = mid - 1;
    }
    const segment = segments[low]!;
    return {
      source: map.sources[segment[1]] ?? '?',
      line: segment[2] + 1,
      name: segment[4] >= 0 ? map.names[segment[4]] : undefined,
    };
  };
};

/** `../../node_modules/@xyflow/react/dist/esm/index.js` → `@xyflow/react`; own code keeps its path. */
const origin = (source: string): string => {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (inModules) return inModules[1]!;
  return source.replace(/^(\.\.\/)+/, '');
};

interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }>;
  samples: number[];
  timeDeltas: number[];
}

export const summariseCpuProfile = (profile: CpuProfile, assetsDir: string) => {
  const map = createMapper(assetsDir);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id);
    if (!us) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    let place: string;
    let label: string;
    if (!url) {
      place = functionName.startsWith('(') ? functionName : '(native)';
      label = functionName || '(anonymous)';
    } else {
      const mapped = map(url, lineNumber, columnNumber);
      place = mapped ? origin(mapped.source) : url;
      label = `${mapped?.name ?? (functionName || '(anonymous)')} ${mapped ? `${origin(mapped.source)}:${mapped.line}` : url}`;
    }
    byOrigin.set(place, (byOrigin.get(place) ?? 0) + us / 1000);
    byFunction.set(label, (byFunction.get(label) ?? 0) + us / 1000);
  }
  const top = (entries: Map<string, number>, count: number) =>
    [...entries]
      .filter(([key]) => key !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([key, ms]) => [key, Math.round(ms)] as [string, number]);
  return { scriptByOrigin: top(byOrigin, 12), topFunctions: top(byFunction, 15) };
};

// ---------------------------------------------------------------------------------------------

export interface PhaseRecorder {
  stop(): Promise<PhaseProfile>;
}

/** Starts the trace and the CPU profile of `page`; `stop` writes `<outDir>/<phase>.*` and sums up. */
export const recordPhase = async (
  browser: Browser,
  page: Page,
  phase: string,
  outDir: string,
  assetsDir: string,
): Promise<PhaseRecorder> => {
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 250 });
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await session.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await session.send('Profiler.stop')) as unknown as {
        profile: CpuProfile;
      };
      const traceBuffer = await browser.stopTracing();
      await session.detach();
      await writeFile(join(outDir, `${phase}.cpuprofile`), JSON.stringify(profile));
      await writeFile(join(outDir, `${phase}.trace.json`), traceBuffer);
      const trace = JSON.parse(traceBuffer.toString('utf8')) as { traceEvents: TraceEvent[] };
      return { ...summariseTrace(trace), ...summariseCpuProfile(profile, assetsDir) };
    },
  };
};
