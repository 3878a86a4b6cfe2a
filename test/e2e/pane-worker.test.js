/**
 * End-to-end, Excel mode: the pane checks a large sheet in the check worker while its own thread stays free. The
 * built pane (dist/) in headless Chromium over the in-repo Excel fake, with a synthetic indicator list of ROWS rows
 * (bench/synthetic.ts, built in the page): "检查整个工作簿" reads it with Office.js in the usual syncs, hands the grid
 * to the worker, and shows the engine's verdict. From the click to the verdict the page records its long tasks
 * (PerformanceObserver "longtask": one task over 50 ms) and a 10 ms heartbeat (a gap also counts the waits between
 * tasks: input, paint, a core busy elsewhere), and prints the longest of each. The fake does Excel's own work (finding and copying the cells of
 * each request) on the pane's thread, where Excel does it in its own process: the time inside the fake's syncs is
 * timed too and left out of the pane's figure (both are printed). The target is 100 ms; the assertion's bound is
 * generous (see STALL_BOUND_MS). With workers blocked, the pane checks on its
 * own thread and gives the same verdict.
 *   npm run build -- --env fast && node --test test/e2e/pane-worker.test.js
 *   JX_PANE_ROWS=1048575 node --test test/e2e/pane-worker.test.js      (the million-row figure: minutes, ~4 GB)
 */
"use strict";
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const os = require("os");
const path = require("path");
const { fakeExcelScript, fakeExcelScriptFrom } = require("./fake-excel");
const engine = require("./engine-node");
const h = require("./harness");
const { indicatorListGrid } = require("../../bench/synthetic");
const { startProfile, inTasks } = require("./profile");

const ROWS = Number(process.env.JX_PANE_ROWS) || 100_000;
// The target (issue 23) is 100 ms. The figure is wall time: on a shared machine a thread that is ready to run waits
// for a core (at a load of 10 on 2 cores, 20 ms of work take about 100 ms), so the assertion is generous, as the
// page's worker test's; the figure and its ratio to the target are printed with the load it was measured at.
const TARGET_MS = 100;
const STALL_BOUND_MS = 1000;
const MB4 = 4_000_000;

let server;
let baseUrl;

before(async () => {
  ({ server, baseUrl } = await h.startServer());
});
after(() => h.stopServer(server));

/** Times the fake's work in each sync, and beats every 10 ms while `__measuring`. */
async function installProbes(page) {
  await page.evaluate(() => {
    const w = window;
    w.__fakeBusy = [];
    w.__beats = [];
    w.__measuring = false;
    const proto = w.Excel.RequestContext.prototype;
    const sync = proto.sync;
    proto.sync = function (v) {
      // The fake runs a sync's commands in the microtask it queues on the call; this one runs just before it, and
      // the reaction below just after it (before the pane's own continuation).
      let t0 = 0;
      void Promise.resolve().then(() => {
        t0 = window.performance.now();
      });
      const p = sync.call(this, v);
      const mark = () => w.__fakeBusy.push([t0, window.performance.now()]);
      p.then(mark, mark);
      return p;
    };
    // Work the fake leaves until a property is read after the sync (a used range's null-ness, which scans the
    // sheet's cells) is Excel's too: timed where it happens.
    const timed = (owner, name) => {
      const f = owner[name];
      owner[name] = function (...args) {
        const t0 = window.performance.now();
        try {
          return f.apply(this, args);
        } finally {
          w.__fakeBusy.push([t0, window.performance.now()]);
        }
      };
    };
    timed(Object.getPrototypeOf(w.__jxFake.model.sheets[0]), "usedArea");
    for (let o = new w.Excel.RequestContext(w.__jxFake.model, w.__jxFake.stats).workbook; o; o = Object.getPrototypeOf(o)) {
      const d = Object.getOwnPropertyDescriptor(o, "isNullObject");
      if (!d || !d.get) continue;
      const get = d.get;
      Object.defineProperty(o, "isNullObject", {
        configurable: true,
        get() {
          const t0 = window.performance.now();
          try {
            return get.call(this);
          } finally {
            w.__fakeBusy.push([t0, window.performance.now()]);
          }
        },
      });
      break;
    }
    // The browser's own account of long tasks (over 50 ms of one task on the thread).
    w.__longTasks = [];
    new window.PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (w.__measuring) w.__longTasks.push([e.startTime, e.startTime + e.duration]);
    }).observe({ entryTypes: ["longtask"] });
    let last = window.performance.now();
    window.setInterval(() => {
      const now = window.performance.now();
      if (w.__measuring) w.__beats.push([last, now]);
      last = now;
    }, 10);
  });
}

/** The longest gap between beats, with and without the fake's time in it. */
function stalls(page) {
  return page.evaluate(() => {
    // The fake's busy intervals, merged (they nest: a used range read inside a sync).
    const busy = [];
    for (const [s, e] of [...window.__fakeBusy].sort((x, y) => x[0] - y[0])) {
      const top = busy[busy.length - 1];
      if (top && s <= top[1]) top[1] = Math.max(top[1], e);
      else busy.push([s, e]);
    }
    const fakeIn = (a, b) => {
      let fake = 0;
      for (const [s, e] of busy) fake += Math.max(0, Math.min(b, e) - Math.max(a, s));
      return fake;
    };
    let own = 0;
    let raw = 0;
    let where = 0;
    const first = window.__beats[0]?.[0] ?? 0;
    const long = [];
    for (const [a, b] of window.__beats) {
      const fake = fakeIn(a, b);
      if (b - a > raw) raw = b - a;
      if (b - a - fake > 50) long.push(`${Math.round(b - a - fake)} ms at ${((a - first) / 1000).toFixed(2)} s`);
      if (b - a - fake > own) {
        own = b - a - fake;
        where = a;
      }
    }
    // The longest task of the pane's own: a long task's duration less the fake's work inside it.
    let task = 0;
    let taskRaw = 0;
    for (const [a, b] of window.__longTasks) {
      const mine = b - a - fakeIn(a, b);
      if (mine > 50) long.push(`task ${Math.round(mine)} ms at ${((a - first) / 1000).toFixed(2)} s`);
      task = Math.max(task, mine);
      taskRaw = Math.max(taskRaw, b - a);
    }
    return { own, raw, at: where - first, long, task, taskRaw, longTasks: window.__longTasks.length, beats: window.__beats.length, fakeLongest: Math.max(0, ...busy.map(([s, e]) => e - s)), fakeTotal: busy.reduce((n, [s, e]) => n + e - s, 0) };
  });
}

test(`a ${ROWS.toLocaleString("en-US")}-row sheet is checked in the worker; the pane's thread keeps running`, { timeout: 30 * 60_000 }, async () => {
  const pane = await h.openPane(baseUrl, fakeExcelScriptFrom(`{ sheets: [{ name: "指标" }] }`), { viewport: { width: 360, height: 900 } });
  try {
    const { page } = pane;
    // The sheet is filled once the pane has loaded (a million rows take longer than a page load may).
    await page.evaluate((n) => window.__jxFake.model.sheets[0].write(0, 0, window.__synthetic.indicatorListGrid(n).values), ROWS);
    await installProbes(page);
    // JX_PANE_PROFILE=1: a CPU profile of the pane's thread, and what ran in each stretch of work over 50 ms.
    const profileAt = await page.evaluate(() => window.performance.now());
    const stopProfile = process.env.JX_PANE_PROFILE ? await startProfile(page) : undefined;
    const t0 = Date.now();
    await page.evaluate(() => {
      window.__measuring = true;
    });
    // Clicked from a task of the page's own: a million-row read keeps the thread in the fake's syncs for longer than
    // Playwright waits for a click to be handled.
    await page.getByTestId("check-workbook").waitFor();
    await page.evaluate(() => {
      window.setTimeout(() => document.querySelector("[data-testid=check-workbook]").click(), 0);
    });
    await page.getByTestId("verdict").waitFor({ timeout: 30 * 60_000 });
    await page.evaluate(() => {
      window.__measuring = false;
    });
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    if (stopProfile) {
      const profile = await stopProfile();
      require("fs").writeFileSync(path.join(h.ARTIFACTS, "pane-worker.cpuprofile"), JSON.stringify(profile));
      const tasks = await page.evaluate(() => window.__longTasks);
      for (const b of inTasks(profile, tasks, profileAt)) console.log(`long task ${b.ms.toFixed(0)} ms at ${(b.at / 1000).toFixed(2)} s: ${b.self.join(" | ")}`);
    }
    const s = await stalls(page);
    const fake = await page.evaluate(() => ({ syncs: window.__jxFake.stats.syncs, bytes: window.__jxFake.stats.responseBytes.reduce((a, b) => a + b, 0) }));
    const site = await page.getByTestId("check-panel").getAttribute("data-engine");
    console.log(
      `pane, ${ROWS.toLocaleString("en-US")} rows × 9 through the Excel fake, engine in the ${site}: ` +
        `longest task of the pane's own ${Math.round(s.task)} ms (target ${TARGET_MS} ms: ${(s.task / TARGET_MS).toFixed(2)}×, ${s.task <= TARGET_MS ? "met" : "NOT met"}; ` +
        `${s.longTasks} long tasks, the longest ${Math.round(s.taskRaw)} ms with the fake's work in it); ` +
        `longest gap between 10 ms heartbeats ${Math.round(s.own)} ms at ${(s.at / 1000).toFixed(1)} s (${(s.own / TARGET_MS).toFixed(2)}× the target; ${Math.round(s.raw)} ms with the fake's work; ` +
        `the fake's longest sync ${Math.round(s.fakeLongest)} ms, ${(s.fakeTotal / 1000).toFixed(1)} s in all); ` +
        `${s.beats} beats; ${fake.syncs} syncs for ${(fake.bytes / 1e6).toFixed(1)} MB; ${seconds} s from click to verdict; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
    );
    console.log(`the pane's own over 50 ms (heartbeat gaps, then tasks): ${s.long.join(", ") || "none"}`);
    // What the fake leaves out: real office.js parses each response (JSON) on the pane's thread, in the task that
    // receives it. The pane's own work starts in a task after that one (workbook.ts), so in Excel the longest task
    // is the larger of the pane's own and this parse (plus office.js's handling of the parsed response).
    const parse = await page.evaluate(
      ({ rows, total }) => {
        const sheet = window.__jxFake.model.sheets[0];
        const largest = Math.max(...window.__jxFake.stats.responseBytes);
        const n = Math.min(rows, Math.ceil((rows * largest) / total));
        const values = [];
        for (let r = 0; r < n; r++) {
          const row = [];
          for (let c = 0; c < 9; c++) row.push(sheet.cell(r, c)?.value ?? "");
          values.push(row);
        }
        const json = JSON.stringify({ values, numberFormat: values.map((row) => row.map(() => "General")) });
        const times = [];
        for (let i = 0; i < 5; i++) {
          const t = window.performance.now();
          JSON.parse(json);
          times.push(window.performance.now() - t);
        }
        times.sort((a, b) => a - b);
        return { mb: new window.TextEncoder().encode(json).length / 1e6, median: times[2], min: times[0] };
      },
      { rows: ROWS, total: fake.bytes },
    );
    // For bench/pane-stall.bench.ts.
    console.log(
      `pane figures ${JSON.stringify({ rows: ROWS, taskMs: Math.round(s.task), gapMs: Math.round(s.own), longTasks: s.longTasks, syncs: fake.syncs, mb: +(fake.bytes / 1e6).toFixed(1), seconds: +seconds, fakeSeconds: +(s.fakeTotal / 1000).toFixed(1), parseMs: Math.round(parse.median), parseMb: +parse.mb.toFixed(1), loadavg: os.loadavg().map((x) => +x.toFixed(2)) })}`,
    );
    console.log(
      `office.js's JSON.parse of the largest response (${parse.mb.toFixed(1)} MB of JSON), on the pane's thread in real Excel and not in the figures above: ` +
        `median ${Math.round(parse.median)} ms (min ${Math.round(parse.min)} ms); the longest task real Excel would see ≈ max(${Math.round(s.task)}, ${Math.round(parse.median)} + office.js's own handling) ms`,
    );
    assert.equal(site, "worker");
    assert.ok(pane.requests.some((u) => u.startsWith(baseUrl) && /\/jx-check\.[0-9a-f]+\.js$/.test(u)), "the worker script was loaded from the pane's server");
    assert.ok(s.beats > 50, `${s.beats} beats`);
    assert.ok(s.task <= STALL_BOUND_MS, `a task of the pane's own took ${Math.round(s.task)} ms`);
    assert.ok(s.own <= STALL_BOUND_MS, `the pane's thread stalled ${Math.round(s.own)} ms`);
    // As few syncs as before: the product bar, 2 + ⌈bytes / 4 MB⌉ (plus the one that reads the sheet list).
    assert.ok(fake.syncs <= 3 + Math.ceil(fake.bytes / MB4), `${fake.syncs} syncs for ${fake.bytes} bytes`);

    // The engine's verdict, as the command line gets it on the same grid (the number formats Excel gives).
    const grid = indicatorListGrid(ROWS);
    const cli = engine.checkWorkbook([{ ...grid, numberFormats: grid.values.map((r) => r.map(() => "General")) }]);
    const title = await page.getByTestId("verdict-title").textContent();
    if (cli.stats.errors > 0) assert.equal(title, `不可提交：${cli.stats.errors} 个错误，${cli.stats.warnings} 个警告`);
    else assert.match(title, cli.stats.warnings > 0 ? new RegExp(`${cli.stats.warnings} 个警告`) : /可以提交|可提交/);
    await page.screenshot({ path: path.join(h.ARTIFACTS, "pane-worker.png"), fullPage: true });
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

test("with workers blocked, the pane checks on its own thread and gives the same verdict", async () => {
  const workbook = { sheets: [{ name: "自评表", values: h.realRows("06"), merges: ["A1:I1", "A2:I2", "B3:I3"] }, { name: "备注", values: [["用户自己的数据", 42]] }] };
  const blocked = `window.Worker = function Worker() { throw new DOMException("Workers are blocked here", "SecurityError"); };\n`;
  const pane = await h.openPane(baseUrl, blocked + fakeExcelScript(workbook), { viewport: { width: 360, height: 900 } });
  try {
    const { page } = pane;
    await page.getByTestId("check-workbook").click();
    await page.getByTestId("verdict").waitFor();
    assert.equal(await page.getByTestId("check-panel").getAttribute("data-engine"), "thread");
    const cli = engine.checkWorkbook(engine.gridsOfFake(workbook));
    assert.equal(await page.getByTestId("verdict-title").textContent(), `不可提交：${cli.stats.errors} 个错误，${cli.stats.warnings} 个警告`);
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});
