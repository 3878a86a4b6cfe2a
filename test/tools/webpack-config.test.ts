/**
 * The build's security settings: no source maps in a production dist/, a manifest that never points at a
 * placeholder host, a CSP of the page's own origin, and a dev server that answers CORS only to Office on the web
 * (custom functions metadata needs it there), never with "*".
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const config = require("../../webpack.config.js") as (env: Record<string, unknown>, options: { mode: string }) => Promise<WebpackConfig>;

interface CopyPattern { from: string; transform?: (c: Buffer) => string }
interface WebpackConfig {
  devtool: string | false;
  plugins: { patterns?: CopyPattern[]; userOptions?: { contentSecurityPolicy?: string } }[];
  devServer: { headers: (req: { headers: Record<string, string | undefined>; path: string }) => Record<string, string> };
}

const MANIFEST = '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html?jxhost=office"/>';

async function build(mode: string, prodUrl?: string): Promise<WebpackConfig> {
  const saved = process.env.ADDIN_PROD_URL;
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  if (prodUrl === undefined) delete process.env.ADDIN_PROD_URL;
  else process.env.ADDIN_PROD_URL = prodUrl;
  try {
    return await config({ WEBPACK_BUILD: true }, { mode });
  } finally {
    if (saved === undefined) delete process.env.ADDIN_PROD_URL;
    else process.env.ADDIN_PROD_URL = saved;
    warn.mockRestore();
  }
}

function manifestOut(c: WebpackConfig): string {
  const pattern = c.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === "manifest*.xml");
  if (!pattern?.transform) throw new Error("no manifest pattern");
  return pattern.transform(Buffer.from(MANIFEST));
}

describe("webpack config", () => {
  test("production: no source maps; development keeps them", async () => {
    expect((await build("production", "https://jx.example.gov.cn/addin")).devtool).toBe(false);
    expect((await build("development")).devtool).toBe("source-map");
  });

  test("a production build without ADDIN_PROD_URL keeps the dev server's URL, never a placeholder host", async () => {
    const out = manifestOut(await build("production"));
    expect(out).toBe(MANIFEST);
    expect(out).not.toMatch(/contoso/);
  });

  test("ADDIN_PROD_URL replaces the dev URL, with or without a trailing slash", async () => {
    for (const u of ["https://jx.example.gov.cn/addin", "https://jx.example.gov.cn/addin/"]) {
      expect(manifestOut(await build("production", u))).toBe(
        '<SourceLocation DefaultValue="https://jx.example.gov.cn/addin/taskpane.html?jxhost=office"/>',
      );
    }
  });

  test("the page's Content-Security-Policy allows only its own origin", async () => {
    const c = await build("production", "https://jx.example.gov.cn/");
    const csp = c.plugins.map((p) => p.userOptions?.contentSecurityPolicy).find(Boolean) ?? "";
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).not.toMatch(/\*|https?:/);
  });

  test("dev server: no wildcard CORS; Office on the web gets its own origin for the functions metadata only", async () => {
    const { headers } = (await build("development")).devServer;
    const ask = (origin: string | undefined, p: string) => headers({ headers: { origin }, path: p });
    expect(ask(undefined, "/functions.json")["Access-Control-Allow-Origin"]).toBeUndefined();
    expect(ask("https://evil.example.com", "/functions.json")["Access-Control-Allow-Origin"]).toBeUndefined();
    expect(ask("https://excel.officeapps.live.com.evil.com", "/functions.json")["Access-Control-Allow-Origin"]).toBeUndefined();
    expect(ask("https://excel.officeapps.live.com", "/taskpane.html")["Access-Control-Allow-Origin"]).toBeUndefined();
    expect(ask("https://excel.officeapps.live.com", "/functions.json")["Access-Control-Allow-Origin"]).toBe("https://excel.officeapps.live.com");
    for (const origin of ["https://x.officeapps.live.com", "https://excel.cloud.microsoft", "https://contoso.sharepoint.com"]) {
      expect(Object.values(ask(origin, "/functions.js"))).not.toContain("*");
    }
  });
});
