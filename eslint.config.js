// ESLint flat config: typescript-eslint recommended, no eval/new Function/raw HTML in src, and the rule that keeps src/domain pure.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "test-artifacts/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { console: "readonly", process: "readonly", require: "readonly", module: "writable", __dirname: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly", globalThis: "readonly", window: "readonly", document: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["test/**", "bench/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    // Code hygiene (issue 15): no string evaluated as code, and cell text never rendered as HTML.
    files: ["src/**"],
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-restricted-syntax": [
        "error",
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: "No dangerouslySetInnerHTML: render cell text as text (JSX children)." },
        { selector: "Property[key.name='dangerouslySetInnerHTML']", message: "No dangerouslySetInnerHTML (not even through props objects): render cell text as text." },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: "No innerHTML/outerHTML: use textContent or JSX." },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: "No insertAdjacentHTML: use textContent or JSX." },
      ],
    },
  },
  {
    // One engine, three fronts: the domain imports nothing from Office, React, the DOM or Node.
    files: ["src/domain/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["react*", "@fluentui/*", "office*", "exceljs", "fs", "path", "os", "node:*", "iconv-lite", "../excel/*", "../taskpane/*", "../file/*", "../cli/*", "../functions/*"] }],
      "no-restricted-globals": ["error", "window", "document", "Office", "Excel", "process", "Buffer", "require"],
    },
  },
);
