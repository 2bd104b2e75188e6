/* global document, window, navigator, MutationObserver, PerformanceObserver, requestAnimationFrame */
/**
 * The web planner's recompute budget (issue 7): every edit recomputes every view
 * in under 16 ms (one frame at 60 Hz) for a plan with 30 node pools and 1,000
 * subnets. Measured two ways on the same generated plan:
 *  - the engine alone in Node: `computeView` from dist/ (parse, resolve, check,
 *    map layout, compare, chart, generate), split by stage;
 *  - the whole page in Chromium (if /usr/bin/chromium exists): an edit in the
 *    page until the DOM is updated, as the page records it in `data-render-ms`.
 *  - from outside the page's code (issue 16): Chromium's Event Timing API, input to next paint, for every
 *    kind of trusted edit (node count, form value, model switch, a keystroke and a paste in the editor), p90
 *    against two frames (33 ms); the renderer's main-thread CPU time per edit (DevTools `ThreadTime`), which
 *    the machine's load does not inflate; and first contentful paint from the local server.
 *
 * Editor edits are a typed key and a paste (Ctrl+A, then Ctrl+V), as a person makes them, into the page's
 * editor (CodeMirror 6: client/plan-editor.ts handles select all and the paste itself). Not `page.fill`:
 * it sends the DevTools `Input.insertText`, which Chromium's editor splits at every line break (about 2,300
 * input events for this 1,050-line plan; on the old textarea 4.5 s, the 8.3 s the first
 * measurement showed).
 * The issue names no peer tool; the ratio is against the 16 ms budget.
 */
import { existsSync } from "node:fs";
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { cpus, loadavg } from "node:os";
import { prng } from "./lib/prng.mjs";
import { formatMs, median } from "./lib/timing.mjs";

const BUDGET_MS = 16;
const POOLS = 30;
const SUBNETS = 1000;
const RUNS = 25;
/**
 * Edits of each kind made before its timed runs and not counted: the first ones compile code and build caches. Even,
 * so the model switch (down, up) starts its timed runs from the same model.
 */
const WARM_UP = 4;
const SEED = 7;

/** A plan with POOLS pools and SUBNETS subnets of /24–/27 inside 10.0.0.0/8, a few of them overlapping. */
export function bigPlan(seed = SEED) {
  const r = prng(seed);
  const subnets = [];
  let next = 10 * 2 ** 24;
  for (let i = 0; i < SUBNETS; i++) {
    const bits = r.int(24, 27);
    const size = 2 ** (32 - bits);
    next = Math.ceil(next / size) * size + (r.next() < 0.05 ? size : 0);
    // Every 97th subnet reuses the previous one's start: an overlap for check and the map.
    const start = i % 97 === 96 ? subnets[i - 1].start : next;
    subnets.push({ name: `snet-${String(i).padStart(4, "0")}`, start, bits });
    if (start === next) next += size;
  }
  const ip = (n) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join(".");
  const lines = [
    "apiVersion: aksnet/v1",
    "kind: ClusterPlan",
    "name: aks-bench",
    'kubernetesVersion: "1.33"',
    "network:",
    "  plugin: azure",
    "  pluginMode: overlay",
    "  podCidrs: [100.64.0.0/12]",
    "  serviceCidrs: [172.16.0.0/16]",
    "  dnsServiceIp: 172.16.0.10",
    "vnet:",
    "  name: vnet-bench",
    "  addressSpace: [10.0.0.0/8]",
    "  subnets:",
    ...subnets.map((s) => `    - { name: ${s.name}, cidr: ${ip(s.start)}/${s.bits} }`),
    "connectedNetworks:",
    "  - { name: hub, cidrs: [192.168.0.0/16] }",
    "nodePools:",
    ...Array.from({ length: POOLS }, (_, i) => [
      `  - name: pool${i}`,
      `    mode: ${i === 0 ? "System" : "User"}`,
      `    count: ${r.int(1, 20)}`,
      `    maxPods: ${[30, 50, 110, 250][r.int(0, 3)]}`,
      `    subnet: snet-${String(i * 3).padStart(4, "0")}`,
    ]).flat(),
  ];
  return lines.join("\n") + "\n";
}

/** Median and fastest of RUNS runs after a warm-up: on a busy machine the fastest run shows the code's own cost. */
function time(fn) {
  const times = [];
  fn();
  for (let i = 0; i < RUNS; i++) {
    globalThis.gc?.();
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return { median: median(times), min: Math.min(...times) };
}

async function engineFigures(planText) {
  const { computeView, createViewComputer, readPlanText } = await import("../dist/adapters/web/compute.js");
  const { editPlanText, PLAN_FIELDS } = await import("../dist/adapters/web/plan-edit.js");
  const { DEFAULT_STATE } = await import("../dist/adapters/web/state.js");
  const { resolvePlan, validate } = await import("../dist/engines/index.js");
  const { addressMap } = await import("../dist/engines/views/index.js");
  const { generate } = await import("../dist/adapters/generate/index.js");
  const state = { ...DEFAULT_STATE, planText };
  const view = computeView(state);
  if (!view.plan) throw new Error(`the bench plan does not parse: ${view.input.problems.join("; ")}`);
  if (view.plan.vnet.subnets.length !== SUBNETS || view.plan.nodePools.length !== POOLS)
    throw new Error("the bench plan has the wrong shape");
  const plan = view.plan;
  const resolved = resolvePlan(plan);
  const jsonText = JSON.stringify(plan, null, 2);
  const rows = [
    ["read the text (YAML + importer + schema)", time(() => readPlanText(planText))],
    ["read the same plan written as JSON (native JSON parse + schema)", time(() => readPlanText(jsonText))],
    ["resolve defaults", time(() => resolvePlan(plan))],
    ["check (every rule)", time(() => validate(resolved))],
    ["address map layout", time(() => addressMap(plan))],
    ["generate az", time(() => generate(plan, "az"))],
    ["all views from new text (`computeView`)", time(() => computeView(state))],
  ];
  // The page's paths: one computer kept across edits, as in the browser.
  const compute = createViewComputer();
  compute(state);
  let nodes = 10;
  rows.push([
    "node-count edit (plan parts reused, chart recomputed)",
    time(() => compute({ ...state, nodes: ++nodes })),
  ]);
  const countField = PLAN_FIELDS.find((f) => f.id === "count");
  let text = planText;
  let count = 3;
  rows.push([
    "form edit (YAML document edit + all views, no reparse)",
    time(() => {
      const next = editPlanText(text, countField, String((count = (count % 9) + 1)));
      text = next.text;
      compute({ ...state, planText: text }, { planText: text, value: next.value });
    }),
  ]);
  const findings = view.findings?.length ?? 0;
  return { rows, findings, overlaps: view.map?.panels.reduce((n, p) => n + p.overlapBands.length, 0) ?? 0 };
}

/** Starts the built `aksnet serve --port 0`; resolves with its address and a stop function. */
function serve() {
  const child = spawn(
    process.execPath,
    [new URL("../dist/cli/aksnet.js", import.meta.url).pathname, "serve", "--port", "0"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m)
        resolve({
          url: m[1],
          stop: () =>
            new Promise((done) =>
              child.exitCode !== null ? done() : (child.once("exit", done), child.kill("SIGTERM")),
            ),
        });
    });
    child.once("exit", (code) => reject(new Error(`aksnet serve exited with ${code}`)));
  });
}

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

async function browserFigures(planText) {
  const chromium = "/usr/bin/chromium";
  if (!existsSync(chromium)) return undefined;
  const { chromium: pw } = await import("playwright-core");
  const { encodeState, DEFAULT_STATE } = await import("../dist/adapters/web/state.js");
  const server = await serve();
  const browser = await pw.launch({ executablePath: chromium, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      permissions: ["clipboard-read", "clipboard-write"],
    });
    const page = await context.newPage();
    await page.goto(`${server.url}#${encodeState({ ...DEFAULT_STATE, planText })}`);
    await page.waitForSelector("body[data-ready=true]");
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const driver = pageDriver(page, cdp, planText);
    const stat = (xs) => ({ median: median(xs), min: Math.min(...xs) });
    const { stages, editor } = await renderTimes(page, driver);
    const eventTiming = await eventTimings(page, driver);
    return {
      slider: stat(stages.map((s) => s.node)),
      form: stat(stages.map((s) => s.text)),
      editor: stat(editor),
      eventTiming,
      load: await firstPaint(browser, server.url),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The page's edits and the waits around them. */
function pageDriver(page, cdp, planText) {
  /** The renderer's main thread CPU seconds so far (not inflated by waiting for a core on a busy machine). */
  const threadTime = async () =>
    (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ThreadTime")?.value ?? NaN;
  /** Waits until the edit's first paint (the verdict) and then every view are drawn. */
  const settled = () =>
    page.waitForFunction(
      () => document.body.dataset.renderMs !== undefined && document.body.dataset.settled === "true",
    );
  const edit = async (act) => {
    await page.evaluate(() => delete document.body.dataset.renderMs);
    await act();
    await settled();
    return Number(await page.evaluate(() => document.body.dataset.renderMs));
  };
  // The editor's edits: the whole text changes, so it is read again (the plan's name line differs each run).
  const nameLine = /^name: .*$/m;
  const typeInName = async (i) => {
    await page.focus("#plan-text");
    await page.evaluate(() => {
      const t = document.getElementById("plan-text");
      const at = t.value.indexOf("\n", t.value.indexOf("\nname: ") + 1);
      t.setSelectionRange(at, at);
    });
    await page.keyboard.type(String(i % 10));
  };
  const paste = async (i) => {
    await page.evaluate((t) => navigator.clipboard.writeText(t), planText.replace(nameLine, `name: aks-p-${i}`));
    await page.focus("#plan-text");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+V");
  };
  return { threadTime, settled, edit, typeInName, paste };
}

/** In-page render times (`data-render-ms`) of form and editor edits. */
async function renderTimes(page, { edit, paste }) {
  // Form edits first: the first form edit after an editor edit also builds the YAML document it splices into (once).
  const stages = [];
  for (let i = 0; i < RUNS; i++) {
    stages.push({
      node: await edit(() => page.fill("#nodes-number", String(10 + i))),
      text: await edit(() => page.fill("#field-count", String(3 + (i % 7)))),
    });
  }
  const editor = [];
  for (let i = 0; i < RUNS; i++) editor.push(await edit(() => paste(i)));
  return { stages, editor };
}

/**
 * Each run's input to next paint: the longest entry that started in its time span (16 when none); `late` counts
 * the runs whose paint came only after the next run had started (a frame of theirs was not presented: nothing they
 * changed was on screen, or the display skipped it), which no figure of the page's own work explains.
 */
async function paints(page, runs) {
  await page.waitForTimeout(500);
  const events = await page.evaluate(() => window.__events.splice(0));
  let late = 0;
  const paint = runs.map((r, i) => {
    const end = runs[i + 1]?.start ?? Infinity;
    const mine = events.filter((e) => e.start >= r.start && e.start < end);
    if (mine.some((e) => e.start + e.duration > end)) late++;
    return Math.max(16, ...mine.map((e) => e.duration));
  });
  return { paint, late };
}

/** Event Timing (input to next paint), in-page and main-thread CPU per kind of edit. */
async function eventTimings(page, { threadTime, settled, typeInName, paste }) {
  // Event Timing: input to next paint, as Chromium measures it. Entries exist only for events of 16 ms or
  // more (the API's floor, rounded to 8 ms); an edit without one painted within 16 ms and counts as 16.
  // An entry is delivered after its paint, which may come after the edit's views are drawn (the page is
  // settled): entries are kept with their start time and given to the edit whose time span holds it, after the
  // run (read right after each edit, a late paint's entry fell into the next edit's figure).
  await page.evaluate(() => {
    window.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__events.push({ name: e.name, start: e.startTime, duration: e.duration });
    }).observe({ type: "event", durationThreshold: 16, buffered: false });
  });
  /** Resolves after the next frame is drawn (two animation frames: the first one's paint has been sent). */
  const nextFrame = () =>
    page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  const timed = async (act) => {
    const start = await page.evaluate(() => {
      delete document.body.dataset.renderMs;
      return performance.now();
    });
    const cpu0 = await threadTime();
    await act();
    await settled();
    const cpu = (await threadTime()) - cpu0;
    await nextFrame();
    // A margin for the entries of the paint just drawn.
    await page.waitForTimeout(120);
    const data = await page.evaluate(() => ({ ...document.body.dataset }));
    return { start, inPage: Number(data.renderMs), rest: Number(data.restMs), cpu: cpu * 1000 };
  };
  // Each kind: the control it edits and the edit. The control is put in the middle of the viewport first, as a
  // person sees what they edit. page.fill scrolls only until the control touches the viewport's bottom edge, where
  // Chromium's display drew nothing for a node-count edit (its digits and the chart below them off the drawn area: the
  // trace shows "Draw skipped"): no frame was presented, the entry waited for the NEXT edit's paint, with every thread
  // idle (the node-count tail, p90 376 ms with a 16 ms median and 17 ms of CPU).
  const kinds = {
    "node count (typed)": ["#nodes-number", (i) => page.fill("#nodes-number", String(20 + i))],
    "form value (first pool's count, typed)": ["#field-count", (i) => page.fill("#field-count", String(3 + (i % 7)))],
    "model switch (keyboard on the select)": [
      "#field-model",
      async (i) => {
        await page.focus("#field-model");
        await page.keyboard.press(i % 2 ? "ArrowUp" : "ArrowDown");
      },
    ],
    "editor (a key typed in the plan's name)": ["#plan-text", typeInName],
    "editor (the whole text pasted over)": ["#plan-text", paste],
  };
  const eventTiming = [];
  for (const [kind, [control, act]] of Object.entries(kinds)) {
    await page.evaluate((c) => document.querySelector(c).scrollIntoView({ block: "center" }), control);
    for (let i = 0; i < WARM_UP; i++) await timed(() => act(i));
    await page.waitForTimeout(500);
    await page.evaluate(() => window.__events.splice(0));
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await timed(() => act(i)));
    const { paint, late } = await paints(page, runs);
    const p90 = (xs) => xs.slice().sort((a, b) => a - b)[Math.ceil(xs.length * 0.9) - 1];
    eventTiming.push({
      kind,
      paintP90: p90(paint),
      paintMedian: median(paint),
      paintMax: Math.max(...paint),
      late,
      inPageP90: p90(runs.map((r) => r.inPage)),
      restP90: p90(runs.map((r) => r.rest)),
      cpuMedian: median(runs.map((r) => r.cpu)),
    });
  }
  return eventTiming;
}

/**
 * First contentful paint of the example page, fresh context each time (nothing cached): the median of 7, from the
 * navigation's start (the entry's startTime: the page's time origin), as the verdict drawn (`body[data-ready]`: the
 * bundle fetched, run and its first view painted), which the page does after that first paint.
 */
async function firstPaint(browser, url) {
  const runs = [];
  for (let i = 0; i < 7; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await ctx.newPage();
    await p.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body?.dataset.ready !== "true") return;
        window.__verdictAt = performance.now();
        observer.disconnect();
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });
    });
    await p.goto(url);
    await p.waitForSelector("body[data-ready=true]");
    runs.push(
      await p.evaluate(() => ({
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
        verdict: window.__verdictAt ?? NaN,
      })),
    );
    await ctx.close();
  }
  return { fcp: median(runs.map((r) => r.fcp)), verdict: median(runs.map((r) => r.verdict)) };
}

const BUSY = " (a busy machine: medians are inflated; the fastest run is closer to the code's own cost)";

export async function run() {
  const planText = bigPlan();
  console.log(
    `web: plan with ${POOLS} node pools and ${SUBNETS} subnets (${Math.round(planText.length / 1024)} KiB of YAML), ` +
      `median of ${RUNS} runs`,
  );
  const engine = await engineFigures(planText);
  for (const [what, t] of engine.rows)
    console.log(`  ${what}: median ${formatMs(t.median)}, fastest ${formatMs(t.min)}`);
  const browser = await browserFigures(planText);
  if (browser)
    console.log(
      `  Chromium, node-count edit → DOM updated: median ${formatMs(browser.slider.median)}; form edit → DOM ` +
        `updated: median ${formatMs(browser.form.median)}, fastest ${formatMs(browser.form.min)}; editor paste → ` +
        `DOM updated: median ${formatMs(browser.editor.median)}, fastest ${formatMs(browser.editor.min)}`,
    );
  if (browser)
    for (const e of browser.eventTiming)
      console.log(
        `  ${e.kind}: paint p90 ${formatMs(e.paintP90)} (slowest ${formatMs(e.paintMax)}, ${e.late} presented ` +
          `after the next edit began), ` +
          `in page p90 ${formatMs(e.inPageP90)}, other views p90 ${formatMs(e.restP90)}, ` +
          `main-thread CPU median ${formatMs(e.cpuMedian)}`,
      );
  if (browser)
    console.log(
      `  first contentful paint ${formatMs(browser.load.fcp)} (budget 300 ms), verdict drawn ` +
        formatMs(browser.load.verdict),
    );
  return report(planText, engine, browser);
}

/** The markdown section from the measured figures. */
function report(planText, engine, browser) {
  const load = loadavg()[0];
  const row = (what, t) =>
    `| ${what} | ${formatMs(t.median)} | ${formatMs(t.min)} | ${(t.median / BUDGET_MS).toFixed(2)} |`;
  return [
    "## Web planner: recompute on every edit",
    "",
    `A plan with ${POOLS} node pools and ${SUBNETS} subnets (${Math.round(planText.length / 1024)} KiB of YAML, ` +
      `generated from seed ${SEED}; ${engine.findings} findings, ${engine.overlaps} overlap bands on the map). ` +
      `Budget: ${BUDGET_MS} ms per edit (one frame). ${RUNS} runs each; ratio = median / budget (below 1 is within ` +
      `budget). Load average when measured: ${load.toFixed(1)} on ${cpus().length} ` +
      `cores${load > cpus().length ? BUSY : ""}.`,
    "",
    "Edits that leave the plan text alone (node count, compared subnet, generated format) reuse the parsed plan, its " +
      "check, map and recommendation. A form edit of one value is spliced into the text and into the kept YAML " +
      "document (no reparse, no rewrite), then every plan view is recomputed (the map only when a range changed); " +
      "typing in the editor also parses the text, which for this YAML plan is the `read the text` row (plain YAML " +
      "is read by js-yaml; the `yaml` package's document, slower, is built only when a position is needed), and a " +
      "plan written as JSON reads in about 1 ms. `computeView` is the cold path with nothing reused; typing in the " +
      "editor reuses the recommendation (keyed by the requirements) and the map (keyed by the ranges) when those " +
      "did not change.",
    "",
    "| stage | median | fastest | ratio to 16 ms |",
    "|---|---:|---:|---:|",
    ...engine.rows.map(([what, ms]) => row(`engine in Node: ${what}`, ms)),
    ...(browser
      ? [
          row("Chromium: node-count edit until the DOM is updated (compute + render)", browser.slider),
          row(
            "Chromium: form edit until the DOM is updated (scalar spliced into the text + compute + render)",
            browser.form,
          ),
          row(
            "Chromium: editor paste until the verdict is drawn (the whole text read again + check + verdict)",
            browser.editor,
          ),
        ]
      : ["| Chromium | not measured: /usr/bin/chromium is missing | | |"]),
    "",
    ...eventTimingLines(browser),
  ].join("\n");
}

/** The Event Timing table and its method, when Chromium was there. */
function eventTimingLines(browser) {
  if (!browser) return [];
  return [
    "Measured from outside the page's code: Chromium's Event Timing API (input to next paint, trusted input " +
      "from the DevTools protocol; entries exist from 16 ms, so an edit without one counts as 16 ms), and in " +
      "the page the handler + compute + render + forced style and layout before that paint " +
      "(`data-render-ms`: the verdict and the status line). The other views (form, map, findings, comparison, " +
      "chart, recommendation, code, the editor's text) follow right after that paint in small tasks, a few views " +
      "each, so an input arriving meanwhile waits for one of them only (`data-rest-ms`: their own time, summed; a " +
      "view whose inputs did not change is not redrawn). Main-thread CPU: the " +
      "renderer main thread's CPU time from the edit until every view is drawn (DevTools `ThreadTime`; " +
      "waiting for a core on a busy machine does not count). An entry arrives after its paint, which may come " +
      "after the page has drawn every view: entries are given to the edit during which they started, after the " +
      "run, and each edit waits for two animation frames before the next. The edited control is first scrolled " +
      "to the middle of the viewport (at its bottom edge, where page.fill leaves it, Chromium presented no frame " +
      "for a node-count edit and its entry waited for the next edit's paint); `late` counts the edits whose paint " +
      "still " +
      `came after the next edit began. Each kind starts with ${WARM_UP} edits ` +
      "that are not counted (the first ones compile code and build caches). Budget: p90 within two frames (33 ms) " +
      "to paint, 16 ms in the page.",
    "",
    "| edit (30 pools, 1,000 subnets) | input → next paint, p90 | median | slowest | in page before the paint, " +
      "p90 | other views after it, p90 | main-thread CPU per edit, median | late | within budget |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ...browser.eventTiming.map(
      (e) =>
        `| ${e.kind} | ${formatMs(e.paintP90)} | ${formatMs(e.paintMedian)} | ${formatMs(e.paintMax)} | ` +
        `${formatMs(e.inPageP90)} | ` +
        `${formatMs(e.restP90)} | ${formatMs(e.cpuMedian)} | ${e.late} | ` +
        `${e.paintP90 <= 33 && e.inPageP90 < 16 ? "yes" : "no"} |`,
    ),
    "",
    `First contentful paint of the page from \`aksnet serve\` (fresh browser context, from the navigation's ` +
      `start, median of 7): ${formatMs(browser.load.fcp)} (budget 300 ms); the verdict drawn (the bundle loaded ` +
      `after that paint, run, its first view painted: \`body[data-ready]\`): ${formatMs(browser.load.verdict)}.`,
    "",
    FIRST_PAINT,
    "",
    EDITOR_AB,
    "",
  ];
}

/** Where the first paint's time went and what changed, measured once (the A/B's "before" is gone). */
const FIRST_PAINT =
  "The first paint, 2026-12-07. Traced (Chromium, fresh context, from about:blank, load ~12): the navigation " +
  "itself (request to response ~40 ms), then, with `Cross-Origin-Opener-Policy: same-origin`, a browsing context " +
  "group switch once the response came: Chromium made the page's frame anew in another renderer process " +
  "(CreateWebView + CreateFrame ~50 ms, the commit 80 ms instead of 24); the HTML (30 KB, 22 KB of it the inline " +
  "stylesheet) parsed in ~20 ms, style + layout + paint of the first frame ~35–60 ms, its raster and draw ~30 ms; " +
  "and, preloaded, the 1.2 MB bundle fetched, compiled and run meanwhile on the 2 cores. Now `aksnet serve` sends " +
  "no COOP (weighed in docs/serve.md) and the boot script fetches the bundle on the first `paint` entry. " +
  "Interleaved A/B of this measurement (each server its own process, N = 12, load 8–11; wall figures inflated): " +
  "first contentful paint 636 → 320 ms median, the verdict drawn 2,235 → 1,928 ms; a two-line page pays the " +
  "same COOP switch (276 → 132 ms). What is left before the first paint is mostly Chromium's own (its browser " +
  "process ~55–75 ms of CPU, the compositor ~20) and the page's first frame (~55 ms of renderer CPU at that load, " +
  "~20 of it over a two-line page).";

/** The editor's A/B, measured once (static: the textarea it compares with is gone). */
const EDITOR_AB =
  "The editor, 2026-12-07: a CodeMirror 6 editor that draws only the lines in view replaced the `<textarea>` " +
  "(`src/adapters/web/client/plan-editor.ts`; in the textarea, Chromium's Select All and paste ran its editing " +
  "machinery over the whole 48 KiB text, ~46 + ~50 ms of CPU, before any of the page's code). Interleaved A/B of " +
  "this benchmark, textarea then CodeMirror, three pairs at load 7–17 on 2 cores (wall figures inflated; CPU is " +
  "the comparable one): paste, main-thread CPU per edit (median) 236 / 217 / 214 → 58.9 / 71.5 / 74.8 ms, input → " +
  "paint p90 672 / 600 / 944 → 136 / 328 / 216 ms, in page p90 171 / 131 / 274 → 83.9 / 161 / 89.2 ms; a key " +
  "typed, CPU 44.3 / 47.5 / 52.8 → 39.6 / 38.7 / 44.8 ms; a form value, CPU 88.0 / 70.6 / 86.6 → 39.3 / 43.5 / " +
  "48.7 ms (the editor's text is now written at once: no deferred write); first contentful paint 832 / 540 / 1,060 " +
  "→ 504 / 984 / 516 ms, no change beyond the noise (the bundle grew by 274 KB minified, 76 KB brotli, and runs " +
  "after the first paint). In a CPU profile of the paste no CodeMirror function took over ~4 ms per paste: what is " +
  "left is the engine reading the whole text again (js-yaml, the importer, check), the views, and their garbage " +
  "(a GC trace at load 14 showed a 25–30 MB scavenge about every whole-text edit; its pause lands in whatever " +
  "runs, often the read before the verdict's paint: the in-page p90 tail).";
