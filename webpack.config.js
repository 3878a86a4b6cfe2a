/**
 * Builds the add-in into dist/: the task pane (React + Fluent v9) and the custom functions, which share one
 * runtime (runtimeChunk "single" keeps one copy of every module across both entries), functions.json from JSDoc,
 * the manifest (dev URL rewritten to $ADDIN_PROD_URL in production builds), icons, and a local office.js.
 *
 *   npm run build                     production build: manifest points at $ADDIN_PROD_URL, or at the local dev server
 *                                     when it is unset (never at a placeholder host); no source maps in dist/
 *   npm run build -- --env fast       skip type checking (ts-loader transpileOnly); use while iterating
 *   npm run build -- --env names      keep function names in the minified code (for a CPU profile of the e2e)
 *   npm run dev-server                https://localhost:3000 with the office-addin-dev-certs certificates
 *   npm run dev-server -- --env http  plain http (headless tests)
 *   OFFICE_JS=cdn npm run build       reference office.js on Microsoft's CDN instead of copying it (store builds)
 */
const path = require("path");
const fs = require("fs");
const os = require("os");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const TerserPlugin = require("terser-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { OfflinePagePlugin } = require("./tools/offline-page");

const URL_DEV = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Production base URL, always ending in "/"; the dev server's when ADDIN_PROD_URL is unset (said once, on stderr). */
function prodUrl() {
  const u = process.env.ADDIN_PROD_URL;
  if (!u) {
    console.warn(`[manifest] ADDIN_PROD_URL is not set: dist/manifest.xml points at the local dev server ${URL_DEV}`);
    return URL_DEV;
  }
  return u.endsWith("/") ? u : `${u}/`;
}

/**
 * Origins of Office on the web, which fetch functions.json and functions.js across origins (custom functions
 * metadata needs CORS there). The dev server answers them, and only them, with their own origin; never "*".
 */
const OFFICE_WEB_ORIGIN = /^https:\/\/([a-z0-9-]+\.)*(officeapps\.live\.com|office\.com|office365\.com|sharepoint\.com|microsoft365\.com|cloud\.microsoft)$/i;

/** The page's Content-Security-Policy: its own origin only (plus Microsoft's CDN when office.js comes from there). */
function contentSecurityPolicy(officeJsUrl) {
  const scripts = ["'self'", ...(officeJsUrl.startsWith("http") ? [new URL(officeJsUrl).origin] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // Fluent UI (Griffel) inserts its style rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** TLS options for the dev server. Never let certificate setup kill the server: the certs exist even when
 *  `office-addin-dev-certs install` could not add the CA to the system store (no sudo). */
async function getHttpsOptions() {
  const file = (n) => path.join(os.homedir(), ".office-addin-dev-certs", n);
  const fromDisk = () =>
    fs.existsSync(file("localhost.key"))
      ? { ca: fs.readFileSync(file("ca.crt")), cert: fs.readFileSync(file("localhost.crt")), key: fs.readFileSync(file("localhost.key")) }
      : undefined;
  const existing = fromDisk();
  if (existing) return existing;
  try {
    return await require("office-addin-dev-certs").getHttpsServerOptions();
  } catch (e) {
    console.warn(`[dev-certs] ${e.message}`);
    return fromDisk();
  }
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const officeJsUrl = process.env.OFFICE_JS === "cdn" ? OFFICE_JS_CDN : "office-js/office.js";
  const officeDist = path.resolve(__dirname, "node_modules/@microsoft/office-js/dist");
  const urlProd = dev ? URL_DEV : prodUrl();

  return {
    // Source maps only for development builds: a production dist/ ships none.
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      // Chunks next to the page, found from its address: "auto" would look for the <script src> that loaded the
      // runtime, which jx-offline.html (every script inline) does not have.
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // onlyCompileBundledFiles: type errors in tests or the CLI must not fail the add-in build (`tsc --noEmit` checks all).
          use: { loader: "ts-loader", options: { transpileOnly: !!env.fast, configFile: "tsconfig.json", onlyCompileBundledFiles: true } },
        },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Both entries on one page (the shared runtime), runtime first.
        chunks: ["runtime", "domain", "functions", "taskpane"],
        chunksSortMode: "manual",
        contentSecurityPolicy: contentSecurityPolicy(officeJsUrl),
      }),
      // dist/jx-offline.html: the browser page in one file, for opening from disk (tools/offline-page.js).
      new OfflinePagePlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // Loads office.js only when Office hosts the page (see the file's header).
          {
            from: "src/boot/office-boot.js",
            to: "office-boot.js",
            transform: (content) => content.toString().replace("__OFFICE_JS_URL__", officeJsUrl),
          },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : content.toString().replace(new RegExp(URL_DEV, "g"), urlProd)),
          },
          ...(officeJsUrl.startsWith("http")
            ? []
            : [
                {
                  from: officeDist,
                  to: "office-js",
                  info: { minimized: true }, // already minified: Terser on 9 MB would add ~45 s
                  globOptions: { ignore: ["**/*.debug.js", "**/*-vsdoc.js", "**/office.d.ts"] },
                  // Only what Excel needs, in English and Simplified Chinese.
                  filter: (p) => {
                    const rel = path.relative(officeDist, p).split(path.sep);
                    if (rel.length === 1) return /^(office|custom-functions-runtime|excel[^/]*|o15apptofilemappingtable|es6-promise)\.js$/.test(rel[0]);
                    return ["en-us", "zh-cn", "telemetry", "ariatelemetry"].includes(rel[0]);
                  },
                },
              ]),
        ],
      }),
    ],
    performance: { hints: false },
    optimization: {
      runtimeChunk: "single",
      // The engine (src/domain) once, all of it in one chunk: functions.js and taskpane.js (and the panes' lazy
      // chunk) run in one shared runtime and would otherwise each carry what they use of it.
      splitChunks: {
        cacheGroups: {
          domain: { test: /[\\/]src[\\/]domain[\\/]/, name: "domain", chunks: "all", enforce: true, priority: 20 },
        },
      },
      // exceljs (lazy-loaded later by the browser mode) is pre-minified: Terser on it costs ~25 s for nothing.
      minimizer: [new TerserPlugin({ exclude: /exceljs/, ...(env.names ? { terserOptions: { keep_fnames: true, keep_classnames: true } } : {}) })],
    },
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: (req) => {
        const origin = req.headers.origin;
        return origin && OFFICE_WEB_ORIGIN.test(origin) && /^\/functions\.(json|js)$/.test(req.path || "")
          ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" }
          : { Vary: "Origin" };
      },
      server: env.http ? "http" : { type: "https", options: env.WEBPACK_BUILD ? undefined : await getHttpsOptions() },
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};
