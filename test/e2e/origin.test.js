/**
 * End-to-end: what the page requests, and from whom.
 *  - Outside Office the page never requests office.js (which, once loaded, reaches for Microsoft's telemetry
 *    frame even when no host answers): every request goes to the page's own origin, and the page's
 *    Content-Security-Policy (own origin only) reports no violation.
 *  - Hosted by Office (our manifest's `?jxhost=office`, or Office's own `_host_Info`), office.js is loaded from
 *    the page's own server before functions.js, so CustomFunctions.associate reaches Excel's registry.
 *    A stub stands in for office.js there: the real one waits forever for a host handshake outside Office.
 *   npm run build -- --env fast && node --test test/e2e/origin.test.js
 */
"use strict";
const { test, before, after } = require("node:test");
const { URL } = require("node:url");
const assert = require("node:assert/strict");
const h = require("./harness");

let server;
let baseUrl;

before(async () => {
  ({ server, baseUrl } = await h.startServer());
});

after(() => h.stopServer(server));

const foreignOf = (requests) =>
  requests.filter((u) => {
    if (u.startsWith("data:") || u.startsWith("blob:")) return false;
    try {
      return new URL(u).origin !== baseUrl;
    } catch {
      return true;
    }
  });

/** A stand-in for office.js: records that it ran, offers a CustomFunctions registry, resolves onReady with Excel. */
const OFFICE_STUB = `
  window.__stubOfficeLoaded = true;
  window.__associated = [];
  window.CustomFunctions = { associate: function (id) { window.__associated.push(id); } };
  window.Office = { onReady: function (cb) { var info = { host: "Excel", platform: "PC" }; if (cb) setTimeout(function () { cb(info); }, 0); return Promise.resolve(info); },
    context: { displayLanguage: "zh-CN" } };
`;

async function stubOfficeJs(page) {
  await page.route("**/office-js/office.js", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB }),
  );
}

test("outside Office: office.js is never requested, no foreign host, and the CSP is in force without violations", async () => {
  const pane = await h.openPane(baseUrl, null);
  try {
    const { page, requests, consoleErrors, errors } = pane;
    await page.getByTestId("page-mode").waitFor({ state: "visible" });
    // Give any late request (office.js's telemetry frame used to come ~1 s after load) time to show.
    await page.waitForTimeout(1500);
    assert.deepEqual(requests.filter((u) => /office-js\//.test(u)), [], "office.js must not load outside Office");
    assert.deepEqual(foreignOf(requests), [], "requests to another host");
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /connect-src 'self'/);
    assert.doesNotMatch(csp, /\*/, "no wildcard source");
    assert.deepEqual(consoleErrors.filter((m) => /Content Security Policy/i.test(m)), []);
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => window.__jxOfficeJsRequested === true), false);
  } finally {
    await pane.close();
  }
});

for (const [label, query] of [
  ["the manifest's ?jxhost=office", "?jxhost=office"],
  ["Office's _host_Info", "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0"],
]) {
  test(`hosted by Office (${label}): office.js comes from the own origin and runs before the custom functions register`, async () => {
    const pane = await h.openPane(baseUrl, null, { query, beforeGoto: stubOfficeJs });
    try {
      const { page, requests, errors } = pane;
      const officeRequests = requests.filter((u) => /office-js\/office\.js$/.test(u));
      assert.equal(officeRequests.length, 1, `office.js requests: ${officeRequests}`);
      assert.equal(new URL(officeRequests[0]).origin, baseUrl);
      assert.equal(await page.evaluate(() => window.__stubOfficeLoaded === true), true);
      const associated = await page.evaluate(() => window.__associated);
      for (const id of ["GRADE", "SCORE", "CHECK", "MISSING"]) assert.ok(associated.includes(id), `${id} not associated: ${associated}`);
      assert.deepEqual(foreignOf(requests), []);
      assert.deepEqual(errors, []);
    } finally {
      await pane.close();
    }
  });
}
