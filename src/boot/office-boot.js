/*
 * Loads office.js only when the page is hosted by Office (task pane or shared runtime), before the app's
 * bundles run. Outside Office (the page opened in a browser, on a WPS desktop, in the e2e) office.js is never
 * requested, so the page contacts nothing but its own origin: office.js, once loaded, reaches for Microsoft's
 * telemetry frame even when it then finds no host.
 *
 * How Office tells the page it is hosted (the signals office.js itself reads to find its host):
 *   - `window.external.GetHostInfo` (Office on Windows) or an `agaveHost` object;
 *   - `_host_Info=Excel$…` in the query string or the hash (Office on the web, on the Mac, in WebView2);
 *   - a JSON `window.name` holding `hostInfo` (set by the host frame);
 *   - `hostInfoValue` in sessionStorage (kept by office.js across in-pane navigations);
 * plus our own marker `jxhost=office`, which the manifest adds to the add-in's URL.
 *
 * Plain ES5, no modules: this file is copied to dist/ as is and runs synchronously in <head>, so that when
 * office.js is needed it is parsed before functions.js calls CustomFunctions.associate. The office.js URL is
 * written in by the build (OFFICE_JS_URL below).
 */
(function (root) {
  "use strict";

  var OFFICE_JS_URL = "__OFFICE_JS_URL__";

  function hasParam(text, name) {
    if (!text) return false;
    var parts = String(text).replace(/^[?#]/, "").split("&");
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      var key = eq < 0 ? parts[i] : parts[i].slice(0, eq);
      var value = eq < 0 ? "" : parts[i].slice(eq + 1);
      if (key === name && value !== "") return value;
    }
    return false;
  }

  /** True when one of Office's host signals is present (see above). Never throws. */
  function isOfficeHosted(w) {
    try {
      var loc = w.location || {};
      if (hasParam(loc.search, "_host_Info") || hasParam(loc.hash, "_host_Info")) return true;
      if (hasParam(loc.search, "jxhost") === "office") return true;
    } catch {
      /* a location we cannot read says nothing */
    }
    try {
      if (w.external && typeof w.external.GetHostInfo !== "undefined") return true;
    } catch {
      /* IE-era external objects throw on unknown members */
    }
    try {
      if (typeof w.agaveHost !== "undefined" && w.agaveHost && w.agaveHost.GetHostInfo) return true;
    } catch {
      /* ignore */
    }
    try {
      if (typeof w.name === "string" && w.name.charAt(0) === "{") {
        var parsed = JSON.parse(w.name);
        if (parsed && parsed.hostInfo) return true;
      }
    } catch {
      /* window.name that is not our JSON */
    }
    try {
      if (w.sessionStorage && w.sessionStorage.getItem("hostInfoValue")) return true;
    } catch {
      /* storage blocked */
    }
    return false;
  }

  root.__jxIsOfficeHosted = isOfficeHosted;
  if (typeof document !== "undefined" && root.document === document && isOfficeHosted(root)) {
    root.__jxOfficeJsRequested = true;
    // A parser-inserted script: office.js runs before the bundles that follow this one in <head>.
    document.write('<script type="text/javascript" src="' + OFFICE_JS_URL + '"></scr' + "ipt>");
  }
})(typeof window !== "undefined" ? window : this);
