/**
 * Instruments the app page for bench/data-model, as plain JavaScript source: functions handed to
 * `page.evaluate` would be transpiled by tsx (esbuild adds `__name(...)` helpers the page does not
 * have), so the probe is a string installed with `page.addInitScript` and driven through
 * `window.__bench`. All times are the page's `performance.now()`.
 */
export interface DiagramMilestones {
  /** The click on the workspace-switcher item (the event's own timestamp). */
  t0: number;
  /** The toolbar counts the new model's objects: model read, validated, graph built. */
  modelShownAt: number | null;
  /** The first object node of the new model is in the DOM: ELK has answered, React committed. */
  firstNodeAt: number | null;
  /** New nodes are shown and the viewport has left the identity a new diagram starts at. */
  fittedAt: number | null;
  /** Last DOM change in the diagram page before it stayed quiet. */
  lastMutationAt: number;
  /** The first animation frame that started after that change: the settled diagram is painted. */
  settledFrameAt: number;
  renderedNodes: number;
  renderedEdges: number;
  viewportTransform: string;
  longTasks: Array<{ start: number; duration: number }>;
}

/** After a click: until the diagram page has been quiet for a while. */
export interface QuietMilestones {
  t0: number;
  lastMutationAt: number | null;
  settledFrameAt: number;
  longTasks: Array<{ start: number; duration: number }>;
}

export interface WatchOptions {
  /** aria-labels of the new model's object nodes (the old model's nodes do not count). */
  labels: string[];
  /** Start of the toolbar text once the new model is counted, e.g. "300 objects". */
  metaPrefix: string;
  quietMs: number;
  timeoutMs: number;
}

export const PAGE_PROBE = String.raw`
(() => {
  const bench = { longTasks: [], frames: null };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}

  // Arms the watch; bench.pending resolves once the diagram of the newly selected workspace is
  // laid out, fitted and quiet. The clock starts at the click on a workspace-switcher item.
  bench.armDiagram = ({ labels, metaPrefix, quietMs, timeoutMs }) => {
    bench.pending = new Promise((resolve, reject) => {
      const wanted = new Set(labels);
      const root = document.querySelector('.diagram-page') || document.body;
      const m = {
        t0: null, modelShownAt: null, firstNodeAt: null, fittedAt: null, lastMutationAt: null,
      };
      const IDENTITY = 'translate(0px, 0px) scale(1)';
      const transform = () => {
        const viewport = root.querySelector('.react-flow__viewport');
        return viewport ? viewport.style.transform : '';
      };
      const hasNewNode = () => {
        for (const node of root.querySelectorAll('[data-testid="object-node"]'))
          if (wanted.has(node.getAttribute('aria-label'))) return true;
        return false;
      };
      const onClick = (event) => {
        if (m.t0 === null && event.target.closest && event.target.closest('[role="menuitem"]'))
          m.t0 = event.timeStamp;
      };
      document.addEventListener('click', onClick, true);
      const observer = new MutationObserver((records) => {
        if (m.t0 === null) return;
        if (!records.some((record) => root.contains(record.target))) return;
        const now = performance.now();
        m.lastMutationAt = now;
        if (m.modelShownAt === null) {
          const meta = root.querySelector('.diagram-toolbar .meta');
          if (meta && meta.textContent.startsWith(metaPrefix)) m.modelShownAt = now;
        }
        if (m.firstNodeAt === null && hasNewNode()) m.firstNodeAt = now;
        // A new React Flow starts at the identity viewport; the app fits it before or after the
        // nodes arrive.
        if (m.firstNodeAt !== null && m.fittedAt === null && transform() !== IDENTITY)
          m.fittedAt = now;
      });
      observer.observe(document.body, {
        subtree: true, childList: true, attributes: true, characterData: true,
      });
      const started = performance.now();
      const finish = (error, frameAt) => {
        observer.disconnect();
        document.removeEventListener('click', onClick, true);
        if (error) return reject(error);
        resolve({
          ...m,
          settledFrameAt: frameAt,
          renderedNodes: root.querySelectorAll('.react-flow__node').length,
          renderedEdges: root.querySelectorAll('.react-flow__edge').length,
          viewportTransform: transform(),
          longTasks: bench.longTasks.filter((task) => task.start + task.duration >= m.t0),
        });
      };
      // The first frame callback after a change: that frame paints it.
      let settledFrameAt = null;
      let settledFor = null;
      const loop = () => {
        const now = performance.now();
        if (m.lastMutationAt !== null && m.lastMutationAt !== settledFor) {
          settledFor = m.lastMutationAt;
          settledFrameAt = now;
        }
        if (m.firstNodeAt !== null && now - m.lastMutationAt >= quietMs)
          return finish(null, settledFrameAt === null ? now : settledFrameAt);
        if (now - started > timeoutMs)
          return finish(new Error('The diagram did not settle in ' + timeoutMs + ' ms: ' +
            JSON.stringify({ ...m, transform: transform() })));
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    });
    return true;
  };

  // Arms a watch on any click matching \`selector\`: bench.pending resolves once the diagram page
  // has not changed for quietMs after it.
  bench.armQuiet = ({ selector, quietMs, timeoutMs }) => {
    bench.pending = new Promise((resolve, reject) => {
      const root = document.querySelector('.diagram-page') || document.body;
      let t0 = null;
      let lastMutationAt = null;
      const onClick = (event) => {
        if (t0 === null && event.target.closest && event.target.closest(selector))
          t0 = event.timeStamp;
      };
      document.addEventListener('click', onClick, true);
      const observer = new MutationObserver((records) => {
        if (t0 !== null && records.some((record) => root.contains(record.target)))
          lastMutationAt = performance.now();
      });
      observer.observe(document.body, {
        subtree: true, childList: true, attributes: true, characterData: true,
      });
      const started = performance.now();
      let settledFrameAt = null;
      let settledFor = null;
      const loop = () => {
        const now = performance.now();
        if (lastMutationAt !== null && lastMutationAt !== settledFor) {
          settledFor = lastMutationAt;
          settledFrameAt = now;
        }
        const quietSince = lastMutationAt ?? t0;
        if (t0 !== null && now - quietSince >= quietMs) {
          observer.disconnect();
          document.removeEventListener('click', onClick, true);
          return resolve({
            t0,
            lastMutationAt,
            settledFrameAt: settledFrameAt ?? t0,
            longTasks: bench.longTasks.filter((task) => task.start + task.duration >= t0),
          });
        }
        if (now - started > timeoutMs) {
          observer.disconnect();
          document.removeEventListener('click', onClick, true);
          return reject(new Error('Nothing settled in ' + timeoutMs + ' ms after a click on ' + selector));
        }
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    });
    return true;
  };

  // Frame start times (requestAnimationFrame's timestamp) until stopFrames().
  bench.startFrames = () => {
    const frames = [];
    bench.frames = frames;
    const loop = (timestamp) => {
      if (bench.frames !== frames) return;
      frames.push(timestamp);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  bench.stopFrames = () => {
    const frames = bench.frames || [];
    bench.frames = null;
    return frames;
  };

  // A point of the empty pane (a drag there pans instead of moving a node), nearest the centre.
  // Candidates are tested against the rectangles of nodes, edges' labels, minimap and controls
  // (hit-testing every grid point would itself take seconds on a big diagram); the chosen one is
  // confirmed with a single elementFromPoint.
  bench.findPanePoint = () => {
    const pane = document.querySelector('.react-flow__pane');
    if (!pane) return null;
    const box = pane.getBoundingClientRect();
    const blockers = [
      ...document.querySelectorAll(
        '.react-flow__node, .react-flow__edge-textwrapper, .react-flow__minimap, .react-flow__controls, .react-flow__panel',
      ),
    ].map((element) => element.getBoundingClientRect());
    const free = (x, y) =>
      !blockers.some((r) => x >= r.left - 4 && x <= r.right + 4 && y >= r.top - 4 && y <= r.bottom + 4);
    const margin = 80;
    const centre = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    const candidates = [];
    for (let y = box.top + margin; y < box.bottom - margin; y += 8)
      for (let x = box.left + margin; x < box.right - margin; x += 8)
        if (free(x, y)) candidates.push({ x, y, distance: Math.hypot(x - centre.x, y - centre.y) });
    candidates.sort((a, b) => a.distance - b.distance);
    for (const candidate of candidates.slice(0, 50)) {
      const hit = document.elementFromPoint(candidate.x, candidate.y);
      if (hit && hit.classList.contains('react-flow__pane'))
        return { x: candidate.x, y: candidate.y,
          box: { left: box.left, top: box.top, width: box.width, height: box.height } };
    }
    return null;
  };

  bench.viewportTransform = () => {
    const viewport = document.querySelector('.react-flow__viewport');
    return viewport ? viewport.style.transform : '';
  };
  bench.renderedNodes = () => document.querySelectorAll('.react-flow__node').length;
})();
`;
