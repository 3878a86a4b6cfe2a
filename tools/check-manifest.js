#!/usr/bin/env node
/**
 * Offline check of an Office add-in XML manifest (task pane app for Excel), without Microsoft's XSDs.
 * It catches what Office is known to reject or what silently breaks an add-in: malformed XML, elements
 * missing or out of order, a bad Version, permissions wider than we need, resids that resolve to nothing,
 * plain-http URLs, strings over Office's length limits, an unknown runtime lifetime.
 *
 * Usage: node tools/check-manifest.js manifest.xml   (exit 0 when OK, 1 with a list of problems, 2 if unreadable)
 * As a module: const { checkManifest } = require("./tools/check-manifest.js"); checkManifest(xmlText) → { ok, problems, checks }
 */
"use strict";

// ---------------------------------------------------------------------------------------------------------------
// A small strict XML parser: enough of XML 1.0 for manifests (prolog, comments, CDATA, PIs, elements, attributes,
// the five predefined entities and character references). No DTDs. Throws XmlError with a line number.
// ---------------------------------------------------------------------------------------------------------------

class XmlError extends Error {
  constructor(message, line) {
    super(`line ${line}: ${message}`);
    this.line = line;
  }
}

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function parseXml(text) {
  let i = 0;
  let line = 1;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  const fail = (msg) => {
    throw new XmlError(msg, line);
  };
  const advance = (n) => {
    for (let k = 0; k < n; k++) if (src[i + k] === "\n") line++;
    i += n;
  };
  const startsWith = (s) => src.startsWith(s, i);
  const skipSpace = () => {
    while (i < src.length && /\s/.test(src[i])) advance(1);
  };
  const readName = () => {
    if (!NAME_START.test(src[i] || "")) fail(`expected a name, found ${JSON.stringify(src[i] || "end of file")}`);
    const start = i;
    while (i < src.length && NAME_CHAR.test(src[i])) i++;
    return src.slice(start, i);
  };
  const decode = (raw, where) => {
    if (raw.includes("<")) fail(`"<" is not allowed in ${where}`);
    return raw.replace(/&([^;\s&]*);?/g, (m, ref) => {
      if (!m.endsWith(";")) fail(`unterminated entity reference "${m}" in ${where}`);
      if (ref in ENTITIES) return ENTITIES[ref];
      const num = /^#x([0-9a-fA-F]+)$/.exec(ref) || /^#([0-9]+)$/.exec(ref);
      if (num) {
        const code = parseInt(num[1], ref[1] === "x" ? 16 : 10);
        if (code === 0 || code > 0x10ffff) fail(`invalid character reference "${m}"`);
        return String.fromCodePoint(code);
      }
      return fail(`unknown entity "${m}" in ${where}`);
    });
  };
  const skipUntil = (end, what) => {
    const j = src.indexOf(end, i);
    if (j < 0) fail(`unterminated ${what}`);
    const body = src.slice(i, j);
    advance(j - i + end.length);
    return body;
  };
  /** Comments, PIs and whitespace between elements. Returns true if something was skipped. */
  const skipMisc = () => {
    if (startsWith("<!--")) {
      advance(4);
      const body = skipUntil("-->", "comment");
      if (body.includes("--")) fail('"--" is not allowed inside a comment');
      return true;
    }
    if (startsWith("<?")) {
      advance(2);
      const target = readName();
      if (target.toLowerCase() === "xml") fail("XML declaration is only allowed at the very start");
      skipUntil("?>", "processing instruction");
      return true;
    }
    return false;
  };

  // Prolog.
  if (startsWith("<?xml")) {
    advance(5);
    const decl = skipUntil("?>", "XML declaration");
    if (!/^\s+version\s*=\s*["']1\.[0-9]+["']/.test(decl)) fail("XML declaration without a version");
  }
  for (;;) {
    skipSpace();
    if (startsWith("<!DOCTYPE")) fail("DOCTYPE is not allowed in a manifest");
    if (!skipMisc()) break;
  }
  if (src[i] !== "<") fail("expected the root element");

  const root = parseElement(null);
  for (;;) {
    skipSpace();
    if (i >= src.length) break;
    if (!skipMisc()) fail("content after the root element");
  }
  return root;

  function parseElement(parent) {
    const elLine = line;
    advance(1); // "<"
    const name = readName();
    const attrs = {};
    const el = { name, attrs, children: [], text: "", line: elLine, parent };
    for (;;) {
      const hadSpace = /\s/.test(src[i] || "");
      skipSpace();
      if (i >= src.length) fail(`unterminated start tag <${name}>`);
      if (startsWith("/>")) {
        advance(2);
        return el;
      }
      if (src[i] === ">") {
        advance(1);
        break;
      }
      if (!hadSpace) fail(`missing space before an attribute in <${name}>`);
      const attr = readName();
      skipSpace();
      if (src[i] !== "=") fail(`attribute ${attr} in <${name}> has no value`);
      advance(1);
      skipSpace();
      const q = src[i];
      if (q !== '"' && q !== "'") fail(`attribute ${attr} in <${name}> must be quoted`);
      advance(1);
      const raw = skipUntil(q, `attribute ${attr}`);
      if (Object.prototype.hasOwnProperty.call(attrs, attr)) fail(`duplicate attribute ${attr} in <${name}>`);
      attrs[attr] = decode(raw, `attribute ${attr}`);
    }
    // Content.
    for (;;) {
      if (i >= src.length) fail(`element <${name}> (line ${elLine}) is not closed`);
      if (startsWith("</")) {
        advance(2);
        const closing = readName();
        skipSpace();
        if (src[i] !== ">") fail(`malformed end tag </${closing}>`);
        advance(1);
        if (closing !== name) fail(`end tag </${closing}> does not match <${name}> (line ${elLine})`);
        return el;
      }
      if (startsWith("<![CDATA[")) {
        advance(9);
        el.text += skipUntil("]]>", "CDATA section");
        continue;
      }
      if (startsWith("<!--") || startsWith("<?")) {
        skipMisc();
        continue;
      }
      if (src[i] === "<") {
        el.children.push(parseElement(el));
        continue;
      }
      const j = src.indexOf("<", i);
      const raw = src.slice(i, j < 0 ? src.length : j);
      if (raw.includes("]]>")) fail('"]]>" is not allowed in text');
      el.text += decode(raw, `<${name}>`);
      advance(raw.length);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Manifest rules.
// ---------------------------------------------------------------------------------------------------------------

/** Children of <OfficeApp xsi:type="TaskPaneApp"> in the order Office's schema requires; `req` = required. */
const TOP_ORDER = [
  ["Id", true], ["AlternateId", false], ["Version", true], ["ProviderName", true], ["DefaultLocale", true],
  ["DisplayName", true], ["Description", true], ["IconUrl", true], ["HighResolutionIconUrl", false],
  ["SupportUrl", false], ["AppDomains", false], ["Hosts", true], ["Requirements", false], ["DefaultSettings", true],
  ["Permissions", true], ["AllowSnapshot", false], ["Dictionary", false], ["VersionOverrides", false],
  ["ExtendedOverrides", false],
];
const VO_ORDER = [["Description", false], ["Requirements", false], ["Hosts", true], ["Resources", true], ["WebApplicationInfo", false], ["EquivalentAddins", false]];
const HOST_ORDER = [["Runtimes", false], ["AllFormFactors", false], ["DesktopFormFactor", false], ["MobileFormFactor", false]];
const DESKTOP_ORDER = [["GetStarted", false], ["FunctionFile", false], ["ExtensionPoint", false]];
const RESOURCES_ORDER = [["Images", false], ["Urls", false], ["ShortStrings", false], ["LongStrings", false]];
const CF_ORDER = [["Script", true], ["Page", true], ["Metadata", true], ["Namespace", true]];
const REPEATABLE = new Set(["ExtensionPoint"]);

/** Task pane permissions, narrowest first. We need at most ReadWriteDocument. */
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];
const SHORT_MAX = 125;
const LONG_MAX = 250;
const IMAGE_SIZES = new Set(["16", "20", "24", "32", "40", "48", "64", "80"]);

/** What kind of resource a resid on a given element must point to. */
const RESID_KIND = {
  Image: "Images", SourceLocation: "Urls", Runtime: "Urls", FunctionFile: "Urls", LearnMoreUrl: "Urls",
  Label: "ShortStrings", Title: "ShortStrings", Namespace: "ShortStrings", Description: "LongStrings",
};
const KIND_NAMES = { Images: "bt:Image", Urls: "bt:Url", ShortStrings: "bt:String (ShortStrings)", LongStrings: "bt:String (LongStrings)" };

const local = (name) => name.slice(name.indexOf(":") + 1);
const kids = (el, name) => el.children.filter((c) => local(c.name) === name);
const kid = (el, name) => kids(el, name)[0];
const text = (el) => (el ? el.text.trim() : "");
const xsiType = (el) => el.attrs["xsi:type"];
function* walk(el) {
  yield el;
  for (const c of el.children) yield* walk(c);
}
const pathOf = (el) => {
  const parts = [];
  for (let e = el; e; e = e.parent) parts.unshift(local(e.name));
  return parts.join("/");
};

/**
 * Checks a manifest's text. Never throws.
 * @param {string} xmlText
 * @returns {{ ok: boolean, problems: string[], checks: number }} problems are "中文 / English" lines.
 */
function checkManifest(xmlText) {
  const problems = [];
  let checks = 0;
  /** Records one check; adds the problem when `cond` is false. */
  const expect = (cond, zh, en, el) => {
    checks++;
    if (!cond) problems.push(`${el ? `line ${el.line}: ` : ""}${zh} / ${en}`);
    return !!cond;
  };

  let root;
  try {
    checks++;
    root = parseXml(String(xmlText));
  } catch (e) {
    problems.push(`XML 格式错误 / malformed XML: ${e.message}`);
    return { ok: false, problems, checks };
  }

  /** The element children of `el` appear in `order`, at most once unless repeatable, required ones present. */
  const checkOrder = (el, order, where) => {
    const names = order.map(([n]) => n);
    let last = -1;
    const seen = new Set();
    for (const c of el.children) {
      const n = local(c.name);
      const idx = names.indexOf(n);
      if (!expect(idx >= 0, `${where} 中有未知元素 <${n}>`, `unknown element <${n}> in ${where}`, c)) continue;
      expect(idx >= last, `<${n}> 顺序错误：应在 <${names[last]}> 之前`, `<${n}> is out of order: it must come before <${names[last]}>`, c);
      expect(!seen.has(n) || REPEATABLE.has(n), `<${n}> 重复出现`, `<${n}> appears more than once`, c);
      seen.add(n);
      last = Math.max(last, idx);
    }
    for (const [n, req] of order) {
      if (req) expect(seen.has(n), `${where} 缺少必需元素 <${n}>`, `${where} lacks the required element <${n}>`, el);
    }
  };
  const checkHttps = (value, where, el) =>
    expect(/^https:\/\/[^\s/]+/i.test(value || ""), `${where} 必须是 https 地址：${JSON.stringify(value || "")}`, `${where} must be an https URL: ${JSON.stringify(value || "")}`, el);
  const checkLength = (value, max, where, el) =>
    expect([...(value || "")].length <= max, `${where} 超过 ${max} 个字符（${[...(value || "")].length}）`, `${where} is longer than ${max} characters (${[...(value || "")].length})`, el);
  const checkLocale = (value, el) =>
    expect(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value || ""), `区域设置无效：${JSON.stringify(value || "")}`, `invalid locale: ${JSON.stringify(value || "")}`, el);
  /** DefaultValue plus each <Override Locale Value>. */
  const checkLocalized = (el, max, where, isUrl) => {
    if (!el) return;
    const dv = el.attrs.DefaultValue;
    expect(dv !== undefined && dv.trim() !== "", `${where} 缺少 DefaultValue`, `${where} lacks DefaultValue`, el);
    if (isUrl) checkHttps(dv, where, el);
    else checkLength(dv, max, where, el);
    for (const o of kids(el, "Override")) {
      checkLocale(o.attrs.Locale, o);
      if (isUrl) checkHttps(o.attrs.Value, `${where} (${o.attrs.Locale})`, o);
      else checkLength(o.attrs.Value, max, `${where} (${o.attrs.Locale})`, o);
    }
  };

  // Root.
  if (!expect(local(root.name) === "OfficeApp", `根元素应为 <OfficeApp>，实际为 <${root.name}>`, `root element must be <OfficeApp>, found <${root.name}>`, root)) {
    return { ok: false, problems, checks };
  }
  expect(xsiType(root) === "TaskPaneApp", "OfficeApp 的 xsi:type 应为 TaskPaneApp", 'OfficeApp xsi:type must be "TaskPaneApp"', root);
  expect(root.attrs.xmlns === "http://schemas.microsoft.com/office/appforoffice/1.1", "OfficeApp 命名空间应为 appforoffice/1.1", "OfficeApp namespace must be http://schemas.microsoft.com/office/appforoffice/1.1", root);
  checkOrder(root, TOP_ORDER, "<OfficeApp>");

  // Simple values.
  const id = kid(root, "Id");
  if (id) expect(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(text(id)), `Id 应为 GUID：${text(id)}`, `Id must be a GUID: ${text(id)}`, id);
  const version = kid(root, "Version");
  // Office accepts one to four dot-separated parts of up to five digits (1.0.0.0).
  if (version) expect(/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text(version)), `Version 格式应为 n.n.n.n：${text(version)}`, `Version must look like n.n.n.n: ${text(version)}`, version);
  const provider = kid(root, "ProviderName");
  if (provider) expect(text(provider) !== "" && text(provider).length <= SHORT_MAX, "ProviderName 为空或过长", "ProviderName is empty or too long", provider);
  const locale = kid(root, "DefaultLocale");
  if (locale) checkLocale(text(locale), locale);
  checkLocalized(kid(root, "DisplayName"), SHORT_MAX, "DisplayName", false);
  checkLocalized(kid(root, "Description"), LONG_MAX, "Description", false);
  checkLocalized(kid(root, "IconUrl"), 0, "IconUrl", true);
  checkLocalized(kid(root, "HighResolutionIconUrl"), 0, "HighResolutionIconUrl", true);
  checkLocalized(kid(root, "SupportUrl"), 0, "SupportUrl", true);
  const domains = kid(root, "AppDomains");
  if (domains) for (const d of kids(domains, "AppDomain")) checkHttps(text(d), "AppDomain", d);

  const hosts = kid(root, "Hosts");
  if (hosts) expect(kids(hosts, "Host").some((h) => h.attrs.Name === "Workbook"), "Hosts 中缺少 Workbook（Excel）", 'Hosts lacks <Host Name="Workbook"> (Excel)', hosts);

  const defaults = kid(root, "DefaultSettings");
  if (defaults) {
    const sl = kid(defaults, "SourceLocation");
    if (expect(sl, "DefaultSettings 缺少 SourceLocation", "DefaultSettings lacks SourceLocation", defaults)) checkLocalized(sl, 0, "DefaultSettings/SourceLocation", true);
  }

  const perm = kid(root, "Permissions");
  if (perm) {
    const p = text(perm);
    expect(PERMISSIONS.includes(p), `权限 ${p} 无效或超过 ReadWriteDocument`, `permission "${p}" is unknown or wider than ReadWriteDocument`, perm);
  }

  // Requirement sets.
  const reqSets = [];
  const requirements = kid(root, "Requirements");
  if (requirements) {
    for (const sets of kids(requirements, "Sets")) {
      for (const s of kids(sets, "Set")) {
        reqSets.push(s.attrs.Name);
        expect(!!s.attrs.Name, "Set 缺少 Name", "<Set> lacks Name", s);
        if (s.attrs.MinVersion !== undefined) expect(/^\d+\.\d+$/.test(s.attrs.MinVersion), `Set ${s.attrs.Name} 的 MinVersion 无效`, `invalid MinVersion on Set ${s.attrs.Name}`, s);
      }
    }
  }

  // No plain http anywhere (namespaces aside: they are names, not fetched).
  for (const el of walk(root)) {
    for (const [k, v] of Object.entries(el.attrs)) {
      if (k === "xmlns" || k.startsWith("xmlns:") || k === "xsi:schemaLocation") continue;
      if (/^\s*http:/i.test(v)) expect(false, `${pathOf(el)} 的 ${k} 使用了 http（应为 https）：${v}`, `${pathOf(el)} ${k} uses plain http (must be https): ${v}`, el);
    }
    if (/^\s*http:/i.test(el.text)) expect(false, `${pathOf(el)} 使用了 http（应为 https）`, `${pathOf(el)} uses plain http (must be https)`, el);
  }

  // VersionOverrides: structure, resources, resids.
  const vo = kid(root, "VersionOverrides");
  if (vo) {
    expect(/^VersionOverridesV1_[01]$/.test(xsiType(vo) || ""), "VersionOverrides 的 xsi:type 应为 VersionOverridesV1_0", 'VersionOverrides xsi:type must be "VersionOverridesV1_0"', vo);
    checkOrder(vo, VO_ORDER, "<VersionOverrides>");
    const resources = kid(vo, "Resources");
    const defined = new Map(); // id → kind
    if (resources) {
      checkOrder(resources, RESOURCES_ORDER, "<Resources>");
      for (const group of resources.children) {
        const kind = local(group.name);
        for (const r of group.children) {
          const rid = r.attrs.id;
          if (!expect(rid && rid.length <= 32, `资源 id 缺失或超过 32 个字符：${rid || ""}`, `resource id missing or longer than 32 characters: ${rid || ""}`, r)) continue;
          expect(!defined.has(rid), `资源 id 重复：${rid}`, `duplicate resource id: ${rid}`, r);
          defined.set(rid, kind);
          const where = `${KIND_NAMES[kind] || kind} "${rid}"`;
          if (kind === "Images" || kind === "Urls") checkLocalized(r, 0, where, true);
          else if (kind === "ShortStrings") checkLocalized(r, SHORT_MAX, where, false);
          else if (kind === "LongStrings") checkLocalized(r, LONG_MAX, where, false);
        }
      }
    }
    const used = new Set();
    for (const el of walk(vo)) {
      const n = local(el.name);
      if (el.attrs.resid === undefined) continue;
      const rid = el.attrs.resid;
      used.add(rid);
      if (!expect(defined.has(rid), `resid "${rid}"（<${n}>）未在 Resources 中定义`, `resid "${rid}" on <${n}> is not defined in Resources`, el)) continue;
      const want = RESID_KIND[n];
      if (want) expect(defined.get(rid) === want, `resid "${rid}"（<${n}>）应指向 ${KIND_NAMES[want]}`, `resid "${rid}" on <${n}> must point to a ${KIND_NAMES[want]}`, el);
      if (n === "Image") expect(IMAGE_SIZES.has(el.attrs.size), `图标尺寸无效：${el.attrs.size}`, `invalid icon size: ${el.attrs.size}`, el);
    }
    for (const [rid] of defined) {
      if (!used.has(rid)) expect(false, `资源 "${rid}" 未被引用`, `resource "${rid}" is never used`, resources);
    }

    const voHosts = kid(vo, "Hosts");
    const controlIds = new Set();
    for (const host of voHosts ? kids(voHosts, "Host") : []) {
      checkOrder(host, HOST_ORDER, `<Host xsi:type="${xsiType(host)}">`);
      const runtimes = kid(host, "Runtimes");
      if (runtimes) {
        expect(reqSets.includes("SharedRuntime"), "使用了 Runtimes，但 Requirements 中没有 SharedRuntime", "<Runtimes> needs the SharedRuntime requirement set", runtimes);
        for (const rt of kids(runtimes, "Runtime")) {
          expect(rt.attrs.lifetime === undefined || rt.attrs.lifetime === "short" || rt.attrs.lifetime === "long", `Runtime lifetime 只能为 short 或 long：${rt.attrs.lifetime}`, `Runtime lifetime must be "short" or "long": ${rt.attrs.lifetime}`, rt);
        }
      }
      const desktop = kid(host, "DesktopFormFactor");
      if (desktop) checkOrder(desktop, DESKTOP_ORDER, "<DesktopFormFactor>");
      for (const ep of [...walk(host)].filter((e) => local(e.name) === "ExtensionPoint")) {
        if (xsiType(ep) === "CustomFunctions") {
          checkOrder(ep, CF_ORDER, '<ExtensionPoint xsi:type="CustomFunctions">');
          const ns = kid(ep, "Namespace");
          const nsRes = ns && resources ? [...walk(resources)].find((r) => r.attrs.id === ns.attrs.resid) : undefined;
          if (nsRes) expect(/^[A-Za-z0-9.]{1,32}$/.test(nsRes.attrs.DefaultValue || ""), `自定义函数命名空间无效：${nsRes.attrs.DefaultValue}`, `invalid custom functions namespace: ${nsRes.attrs.DefaultValue}`, nsRes);
        }
      }
      for (const el of walk(host)) {
        const n = local(el.name);
        if ((n === "Group" || n === "Control" || n === "OfficeTab" || n === "CustomTab") && el.attrs.id !== undefined) {
          expect(!controlIds.has(el.attrs.id) || n === "OfficeTab", `控件 id 重复：${el.attrs.id}`, `duplicate control id: ${el.attrs.id}`, el);
          controlIds.add(el.attrs.id);
        }
        if (n === "Action" && xsiType(el) === "ShowTaskpane") {
          expect(!!kid(el, "SourceLocation"), "ShowTaskpane 缺少 SourceLocation", "ShowTaskpane action lacks SourceLocation", el);
        }
      }
    }
  }

  return { ok: problems.length === 0, problems, checks };
}

/** xmllint, when installed, as an extra well-formedness opinion. */
function xmllintOpinion(file) {
  const { spawnSync } = require("child_process");
  const r = spawnSync("xmllint", ["--noout", "--nonet", file], { encoding: "utf8" });
  if (r.error) return { ran: false }; // not installed: our own parser is the check
  return { ran: true, problem: r.status === 0 ? undefined : `xmllint: ${(r.stderr || "").trim()}` };
}

function main(argv) {
  const fs = require("fs");
  const path = require("path");
  const file = argv[0];
  if (!file) {
    console.error("用法 / usage: node tools/check-manifest.js manifest.xml");
    return 2;
  }
  let xml;
  try {
    xml = fs.readFileSync(file, "utf8");
  } catch (e) {
    console.error(`${file}: 无法读取 / cannot read: ${e.message}`);
    return 2;
  }
  const result = checkManifest(xml);
  const lint = xmllintOpinion(file);
  if (lint.problem) result.problems.push(lint.problem);
  const name = path.basename(file);
  if (result.problems.length === 0) {
    console.log(`${name}: OK (${result.checks + (lint.ran ? 1 : 0)} checks)`);
    return 0;
  }
  console.error(`${name}: ${result.problems.length} 个问题 / problem(s)`);
  for (const p of result.problems) console.error(`  - ${p}`);
  return 1;
}

module.exports = { checkManifest, parseXml, XmlError };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
