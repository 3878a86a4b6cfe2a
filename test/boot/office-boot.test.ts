/**
 * office-boot.js decides, before any bundle runs, whether Office hosts the page, and only then loads office.js.
 * Each of Office's host signals must be seen; a plain browser window (Chromium's, Firefox's, with the usual
 * window.external and window.name) must not be taken for Office.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";

const SOURCE = fs.readFileSync(path.join(__dirname, "..", "..", "src", "boot", "office-boot.js"), "utf8");

type FakeWindow = Record<string, unknown> & { __jxIsOfficeHosted?: (w: unknown) => boolean; __jxOfficeJsRequested?: boolean };

/** Runs the boot script against a fake window (with a document whose write calls are recorded). */
function boot(win: Record<string, unknown>): { win: FakeWindow; written: string[] } {
  const written: string[] = [];
  const document = { write: (s: string) => written.push(s) };
  const w: FakeWindow = { location: { search: "", hash: "" }, name: "", document };
  Object.defineProperties(w, Object.getOwnPropertyDescriptors(win)); // keeps getters (a storage that throws)
  vm.runInNewContext(SOURCE, { window: w, document });
  return { win: w, written };
}

const storage = (items: Record<string, string>) => ({ getItem: (k: string) => items[k] ?? null });

describe("office-boot: loads office.js only when Office hosts the page", () => {
  test.each([
    ["a plain browser tab", {}],
    ["Chromium's window.external (AddSearchProvider only)", { external: { AddSearchProvider: () => undefined } }],
    ["a window.name set by another page", { name: "some-frame" }],
    ["a JSON window.name without hostInfo", { name: '{"a":1}' }],
    ["another query parameter", { location: { search: "?jxhost=browser&x=_host_Info", hash: "" } }],
    ["an empty _host_Info", { location: { search: "?_host_Info=", hash: "" } }],
    ["sessionStorage without hostInfoValue", { sessionStorage: storage({ other: "1" }) }],
    ["a sessionStorage that throws", { get sessionStorage() { throw new Error("blocked"); } }],
  ])("not hosted: %s", (_label, win) => {
    const { win: w, written } = boot(win as Record<string, unknown>);
    expect(written).toEqual([]);
    expect(w.__jxOfficeJsRequested).toBeUndefined();
  });

  test.each([
    ["our manifest's marker", { location: { search: "?jxhost=office", hash: "" } }],
    ["_host_Info in the query (Office on the web, Mac)", { location: { search: "?et=&_host_Info=Excel$Web$16.01$zh-CN$telemetry$$$0", hash: "" } }],
    ["_host_Info in the hash", { location: { search: "", hash: "#_host_Info=Excel|Mac|16.01" } }],
    ["window.external.GetHostInfo (Office on Windows)", { external: { GetHostInfo: () => "Excel$Win32$16.01" } }],
    ["an agaveHost object", { agaveHost: { GetHostInfo: () => "Excel$iOS" } }],
    ["hostInfo in a JSON window.name", { name: '{"hostInfo":"Excel$Web$16.01$zh-CN"}' }],
    ["hostInfoValue kept in sessionStorage", { sessionStorage: storage({ hostInfoValue: "Excel$Web$16.01" }) }],
  ])("hosted: %s", (_label, win) => {
    const { win: w, written } = boot(win as Record<string, unknown>);
    expect(w.__jxOfficeJsRequested).toBe(true);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^<script type="text\/javascript" src="__OFFICE_JS_URL__"><\/script>$/);
  });
});
