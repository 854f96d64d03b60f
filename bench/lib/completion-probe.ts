/**
 * Times Monaco's completion in the app page for bench/playground, as plain JavaScript source (see
 * page-probe.ts for why a string). `window.__completion.arm()` starts a watch; the clock starts
 * at the Ctrl+Space keydown (the event's own timestamp, read by a capture listener on window,
 * which runs before Monaco's) and stops when the frame that shows the suggestions is rendered.
 *
 * "Shows": the suggest widget is visible (Monaco's content widget is laid out with
 * `visibility: inherit` in the editor's render, inside an animation frame) with its list shown
 * and rows in it. NOT its `visible` class: Monaco adds that class on a fixed 100 ms timer after
 * showing the widget (`SuggestWidget._show`, `_showTimeout`), no style depends on it, so a
 * selector on it measures the timer. The class's time is kept as `visibleClassAt` for comparison.
 *
 * "Rendered": a requestAnimationFrame loop (only while armed) marks the rendering step of each
 * frame, from its callback to a MessageChannel message it posts, which runs once the frame's
 * main-thread work (style, layout, paint records) is done. The rows shown during a rendering step
 * are rendered at its end; shown outside one (in a task), at the end of the next.
 * All times are the page's `performance.now()`.
 */
export interface CompletionTiming {
  /** keydown of Ctrl+Space (event.timeStamp). */
  t0: number;
  /** When the capture listener ran (input delay = t0Listener − t0). */
  t0Listener: number;
  /** The worker's answer is in the list: rows were first inserted (widget maybe not shown yet). */
  rowsAt: number | null;
  /** The widget is visible with its list and rows. */
  shownAt: number;
  /** The end of the rendering step of the frame that shows them. */
  renderedAt: number;
  /** Monaco's `visible` class (set 100 ms after it showed the widget); null if not within 1 s. */
  visibleClassAt: number | null;
  /** Items offered (aria-setsize of the rows: the list is virtual, only a few rows exist). */
  items: number;
  /** Label of the first item. */
  first: string;
}

/**
 * A web worker the page created, as seen by a wrapper of `window.Worker`: for Monaco's workers,
 * the `$loadForeignModule` request that hands the language worker its create data (for
 * monaco-graphql: the schemas, an introspection as one JSON string each) and its answer, which
 * comes once the worker has built them (`buildClientSchema`).
 */
export interface WorkerSeen {
  name: string;
  createdAt: number;
  /** Characters of introspection JSON in the create data (0: none, or not monaco-graphql's). */
  schemaChars: number;
  /** How long the page's postMessage of the create data took (structured clone, main thread). */
  loadPostMs: number | null;
  loadPostedAt: number | null;
  /** The worker's answer to `$loadForeignModule`: the schema is built. */
  readyAt: number | null;
}

export const COMPLETION_PROBE = String.raw`
(() => {
  const probe = { watch: null, workers: [], menuClickAt: null, longTasks: [] };
  window.__completion = probe;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const OriginalWorker = window.Worker;
  window.Worker = class extends OriginalWorker {
    constructor(url, options) {
      super(url, options);
      const seen = { name: String(url).split('/').pop(), createdAt: performance.now(),
        schemaChars: 0, loadPostMs: null, loadPostedAt: null, readyAt: null };
      probe.workers.push(seen);
      let loadRequest = null;
      const post = this.postMessage.bind(this);
      this.postMessage = (data, ...rest) => {
        if (loadRequest === null && data && data.method === '$loadForeignModule') {
          loadRequest = data.req;
          const config = data.args && data.args[1] && data.args[1].languageConfig;
          for (const schema of (config && config.schemas) || [])
            seen.schemaChars += (schema.introspectionJSONString || '').length;
          const started = performance.now();
          const result = post(data, ...rest);
          seen.loadPostedAt = performance.now();
          seen.loadPostMs = seen.loadPostedAt - started;
          return result;
        }
        return post(data, ...rest);
      };
      this.addEventListener('message', (event) => {
        if (seen.readyAt === null && loadRequest !== null && event.data &&
          event.data.seq === loadRequest)
          seen.readyAt = performance.now();
      });
    }
  };
  // The last click on a menu item (the workspace switcher's), by the event's own timestamp.
  document.addEventListener('click', (event) => {
    if (event.target.closest && event.target.closest('[role="menuitem"]'))
      probe.menuClickAt = event.timeStamp;
  }, true);
  window.addEventListener('keydown', (event) => {
    const watch = probe.watch;
    if (watch && watch.t0 === null && event.ctrlKey && event.code === 'Space') {
      watch.t0 = event.timeStamp;
      watch.t0Listener = performance.now();
    }
  }, true);
  const widgetOf = () => document.querySelector('.monaco-editor .suggest-widget');
  probe.widgetShown = () => {
    const widget = widgetOf();
    return !!widget && getComputedStyle(widget).visibility === 'visible' &&
      widget.querySelector('.monaco-list-row') !== null;
  };
  // Waits that page.waitForFunction cannot do here: the app's CSP forbids eval.
  const waitUntil = (condition, timeoutMs, what) => new Promise((resolve, reject) => {
    const started = performance.now();
    const poll = () => {
      if (condition()) return resolve(true);
      if (performance.now() - started > timeoutMs) return reject(new Error('timed out: ' + what));
      setTimeout(poll, 5);
    };
    poll();
  });
  probe.waitWidgetHidden = (timeoutMs) =>
    waitUntil(() => !probe.widgetShown(), timeoutMs, 'the suggest widget to hide');
  probe.waitSchemaWorker = (from, chars, timeoutMs) =>
    waitUntil(() => probe.workers.slice(from).some((worker) => worker.schemaChars > chars),
      timeoutMs, 'a worker given a schema of ' + chars + '+ characters');
  const shownRows = () => {
    const widget = widgetOf();
    if (!widget || widget.classList.contains('message')) return null;
    if (getComputedStyle(widget).visibility !== 'visible') return null;
    const list = widget.querySelector('.tree');
    if (!list || getComputedStyle(list).display === 'none') return null;
    const rows = widget.querySelectorAll('.monaco-list-row');
    return rows.length > 0 ? rows : null;
  };

  // Rendering steps: from our rAF callback to the message it posts (after the frame's work).
  const frame = { rendering: false, waiters: [] };
  const loop = () => {
    frame.rendering = true;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      frame.rendering = false;
      const now = performance.now();
      const waiters = frame.waiters;
      frame.waiters = [];
      for (const waiter of waiters) waiter(now);
    };
    channel.port2.postMessage(0);
    if (probe.watch || frame.waiters.length > 0) requestAnimationFrame(loop);
  };

  probe.arm = (timeoutMs) => {
    const watch = { t0: null, t0Listener: null, rowsAt: null, visibleClassAt: null, result: null };
    probe.watch = watch;
    requestAnimationFrame(loop);
    let observer = null;
    let classSeen = null;
    // The brief's marker, for comparison: Monaco's visible class, watched up to 1 s after shown.
    probe.visibleClass = new Promise((resolve) => (classSeen = resolve));
    probe.pending = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        observer.disconnect();
        probe.watch = null;
        classSeen(null);
        const widget = widgetOf();
        reject(new Error('no suggestions shown within ' + timeoutMs + ' ms (keydown seen: ' +
          (watch.t0 !== null) + ', widget: ' + (widget ? widget.className + ' "' +
          widget.textContent.slice(0, 80) + '"' : 'none') + ')'));
      }, timeoutMs);
      const check = () => {
        if (watch.t0 === null) return;
        const now = performance.now();
        const widget = widgetOf();
        if (widget && watch.visibleClassAt === null && widget.classList.contains('visible')) {
          watch.visibleClassAt = now;
          if (watch.result) {
            observer.disconnect();
            classSeen(now);
          }
        }
        if (watch.result) return;
        if (widget && watch.rowsAt === null && widget.querySelector('.monaco-list-row'))
          watch.rowsAt = now;
        const rows = shownRows();
        if (!rows) return;
        const sorted = [...rows].sort((a, b) =>
          Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')));
        const name = sorted[0].querySelector('.label-name');
        watch.result = {
          t0: watch.t0,
          t0Listener: watch.t0Listener,
          rowsAt: watch.rowsAt,
          shownAt: now,
          items: Number(rows[0].getAttribute('aria-setsize')) || rows.length,
          first: (name ? name.textContent : sorted[0].getAttribute('aria-label') || '').trim(),
          visibleClassAt: null,
        };
        clearTimeout(timer);
        frame.waiters.push((renderedAt) => {
          probe.watch = null;
          resolve({ ...watch.result, renderedAt });
        });
        if (!frame.rendering) requestAnimationFrame(loop);
        setTimeout(() => {
          observer.disconnect();
          classSeen(watch.visibleClassAt);
        }, 1000);
      };
      observer = new MutationObserver(check);
      observer.observe(document.body, {
        subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'style'],
      });
    });
    return true;
  };
})();
`;
