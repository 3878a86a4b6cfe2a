import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkManifest, parseXml } from "../../tools/check-manifest.js";

const root = path.resolve(__dirname, "../..");
const manifestPath = path.join(root, "manifest.xml");
const manifest = fs.readFileSync(manifestPath, "utf8");

/** Replaces exactly one occurrence, so a broken variant never silently equals the original. */
function edit(from: string | RegExp, to: string): string {
  const out = manifest.replace(from, to);
  expect(out).not.toBe(manifest);
  return out;
}

describe("checkManifest on the real manifest", () => {
  it("passes", () => {
    const r = checkManifest(manifest);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.checks).toBeGreaterThan(50);
  });

  it("has what the add-in needs: shared runtime, JX namespace, zh-CN strings, icons", () => {
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="JX"\/>/);
    expect(manifest).toMatch(/<Override Locale="zh-CN" Value="绩效助手"\/>/);
    expect(manifest).toMatch(/<bt:Override Locale="zh-CN"/);
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    for (const size of [16, 32, 64, 80]) expect(fs.existsSync(path.join(root, `assets/icon-${size}.png`))).toBe(true);
  });

  it("runs as `npm run validate` does, exit 0 and an OK line", () => {
    const out = execFileSync(process.execPath, [path.join(root, "tools/check-manifest.js"), manifestPath], { encoding: "utf8" });
    expect(out).toMatch(/^manifest\.xml: OK \(\d+ checks\)/);
  });
});

describe("checkManifest on broken variants", () => {
  const cases: [string, () => string, RegExp][] = [
    ["version with five parts", () => edit("<Version>0.1.0.0</Version>", "<Version>1.0.0.0.0</Version>"), /Version/],
    ["WriteAll permission", () => edit("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>WriteAll</Permissions>"), /WriteAll/],
    ["ReadWriteMailbox permission", () => edit("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>"), /wider than ReadWriteDocument/],
    ["126-character ShortString", () => edit('DefaultValue="Performance"', `DefaultValue="${"x".repeat(126)}"`), /longer than 125/],
    ["126-character Chinese override", () => edit('Value="预算绩效"', `Value="${"绩".repeat(126)}"`), /longer than 125/],
    ["251-character LongString", () => edit('DefaultValue="Open the JX pane to check and grade budget performance tables."', `DefaultValue="${"y".repeat(251)}"`), /longer than 250/],
    ["unresolved resid", () => edit('<Label resid="Group.Label"/>', '<Label resid="Group.Nope"/>'), /"Group.Nope".*not defined/],
    ["resid of the wrong kind", () => edit('<Label resid="Group.Label"/>', '<Label resid="Taskpane.Url"/>'), /must point to a bt:String \(ShortStrings\)/],
    ["http URL", () => edit('"https://localhost:3000/functions.js"', '"http://localhost:3000/functions.js"'), /https/],
    ["http icon URL", () => edit('<IconUrl DefaultValue="https://', '<IconUrl DefaultValue="http://'), /IconUrl.*https/],
    ["element out of order", () => edit(/(<Version>.*<\/Version>\s*)(<ProviderName>.*<\/ProviderName>)/, "$2\n  $1"), /out of order/],
    ["missing required element", () => edit(/<DefaultLocale>.*<\/DefaultLocale>/, ""), /required element <DefaultLocale>/],
    ["unknown element", () => edit("<Permissions>", "<Bogus/>\n  <Permissions>"), /unknown element <Bogus>/],
    ["malformed XML: mismatched tag", () => edit("</Permissions>", "</Permission>"), /malformed XML/],
    ["malformed XML: unclosed attribute", () => edit('<Host Name="Workbook"/>', '<Host Name="Workbook/>'), /malformed XML/],
    ["malformed XML: bare ampersand", () => edit("<ProviderName>JX</ProviderName>", "<ProviderName>J&X</ProviderName>"), /malformed XML/],
    ['lifetime="forever"', () => edit('lifetime="long"', 'lifetime="forever"'), /lifetime/],
    ["Runtimes without SharedRuntime", () => edit(/\s*<Set Name="SharedRuntime" MinVersion="1.1"\/>/, ""), /SharedRuntime/],
    ["Id not a GUID", () => edit(/<Id>[^<]*<\/Id>/, "<Id>my-addin</Id>"), /GUID/],
    ["duplicate resource id", () => edit('<bt:Image id="Icon.80"', '<bt:Image id="Icon.32"'), /duplicate resource id/],
  ];

  it.each(cases)("%s fails", (_name, make, pattern) => {
    const r = checkManifest(make());
    expect(r.ok).toBe(false);
    expect(r.problems.join("\n")).toMatch(pattern);
    // Every problem is bilingual: Chinese, then " / ", then English.
    for (const p of r.problems) expect(p).toMatch(/[\u4e00-\u9fff].* \/ /);
  });

  it("exits 1 from the command line and lists the problem", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-manifest-"));
    const bad = path.join(dir, "manifest.xml");
    fs.writeFileSync(bad, edit('lifetime="long"', 'lifetime="forever"'));
    const r = spawnSync(process.execPath, [path.join(root, "tools/check-manifest.js"), bad], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/lifetime/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("never throws, whatever the input", () => {
    for (const junk of ["", "<", "not xml", "<a></b>", "<?xml version='1.0'?><a/><b/>", "<a x='1' x='2'/>", "<!DOCTYPE a><a/>"]) {
      const r = checkManifest(junk);
      expect(r.ok).toBe(false);
    }
  });
});

describe("parseXml", () => {
  it("decodes entities and keeps line numbers", () => {
    const el = parseXml('<?xml version="1.0"?>\n<!-- c -->\n<a t="x &amp; &#x7EE9;">\n  <b>1 &lt; 2</b><![CDATA[<raw>]]>\n</a>');
    expect(el.name).toBe("a");
    expect(el.attrs.t).toBe("x & 绩");
    expect(el.children[0].text).toBe("1 < 2");
    expect(el.children[0].line).toBe(4);
    expect(el.text).toContain("<raw>");
  });
});
