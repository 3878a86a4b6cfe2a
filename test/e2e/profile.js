/**
 * A CPU profile of the page's main thread for the e2e (Chrome DevTools Protocol, Profiler domain), and where its
 * long stretches of work went: `startProfile(page)` before the measured part, `await stop()` after it gives the
 * profile; `busyStretches(profile)` finds each run of samples with no idle between them longer than `minMs` and
 * names the functions that took most of it (self time, and the pane's own frames on the stack). Build with
 * `--env names` so that the minified code keeps its function names.
 */
"use strict";

/** Starts the sampling profiler (1 ms) on the page's main thread; resolves a stop() that resolves the profile. */
async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 1000 });
  await cdp.send("Profiler.start");
  return async () => {
    const { profile } = await cdp.send("Profiler.stop");
    await cdp.detach();
    return profile;
  };
}

const IDLE = new Set(["(idle)"]);

/** Stretches of busy samples over `minMs`, each with its top functions by self time and by inclusive time. */
function busyStretches(profile, minMs = 50, top = 8) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const label = (n) => `${n.callFrame.functionName || "(anonymous)"} ${(n.callFrame.url || "").split("/").pop()}:${n.callFrame.lineNumber + 1}`;
  const out = [];
  let t = profile.startTime;
  let cur;
  const close = () => {
    if (cur && cur.ms >= minMs) {
      const sort = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${k} ${v.toFixed(0)}`);
      out.push({ at: (cur.start - profile.startTime) / 1e6, ms: cur.ms, self: sort(cur.self), inclusive: sort(cur.incl) });
    }
    cur = undefined;
  };
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i] || 0) / 1000;
    t += profile.timeDeltas[i] || 0;
    const node = byId.get(profile.samples[i]);
    const name = node.callFrame.functionName;
    if (IDLE.has(name)) {
      close();
      continue;
    }
    if (!cur) cur = { start: t, ms: 0, self: new Map(), incl: new Map() };
    cur.ms += dt;
    const self = label(node);
    cur.self.set(self, (cur.self.get(self) || 0) + dt);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id);
      const l = label(n);
      if (seen.has(l) || n.callFrame.url === "") continue;
      seen.add(l);
      cur.incl.set(l, (cur.incl.get(l) || 0) + dt);
    }
  }
  close();
  return out;
}

/**
 * What ran in each of `tasks` ([start, end] in the page's performance.now() ms), the profile having started at
 * `originMs` on that clock: the top functions by self time among the samples inside each task.
 */
function inTasks(profile, tasks, originMs, top = 8) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const label = (n) => `${n.callFrame.functionName || "(anonymous)"} ${(n.callFrame.url || "").split("/").pop()}:${n.callFrame.lineNumber + 1}`;
  const times = [];
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] || 0;
    times.push(originMs + t / 1000);
  }
  return tasks.map(([a, b]) => {
    const self = new Map();
    for (let i = 0; i < times.length; i++) {
      if (times[i] < a || times[i] > b) continue;
      const dt = (profile.timeDeltas[i + 1] || 0) / 1000;
      const l = label(byId.get(profile.samples[i]));
      self.set(l, (self.get(l) || 0) + dt);
    }
    return { at: a, ms: b - a, self: [...self.entries()].sort((x, y) => y[1] - x[1]).slice(0, top).map(([k, v]) => `${k} ${v.toFixed(0)}`) };
  });
}

module.exports = { startProfile, busyStretches, inTasks };
