#!/usr/bin/env node
/**
 * Sizes of the source files under a folder and of their largest functions, in lines (blank and comment lines
 * included, as a reader sees them).
 *
 * Usage: node tools/code-size.js [folder=src/domain/tables] [top=5]
 */
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const dir = process.argv[2] || "src/domain/tables";
const top = Number(process.argv[3] || 5);

const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => path.join(dir, f));

const fileSizes = [];
const functions = [];
for (const file of files) {
  const text = fs.readFileSync(file, "utf8");
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  fileSizes.push({ file, lines: src.getLineAndCharacterOfPosition(text.length).line + (text.endsWith("\n") ? 0 : 1) });
  const visit = (node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = src.getLineAndCharacterOfPosition(node.getStart(src)).line;
      const end = src.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name ? node.name.getText(src) : ts.isArrowFunction(node) || ts.isFunctionExpression(node) ? "(anonymous)" : "(constructor)";
      functions.push({ file, name, line: start + 1, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
}
fileSizes.sort((a, b) => b.lines - a.lines);
functions.sort((a, b) => b.lines - a.lines);
console.log(`${files.length} files, ${fileSizes.reduce((s, f) => s + f.lines, 0)} lines under ${dir}`);
console.log("largest files:");
for (const f of fileSizes.slice(0, top)) console.log(`  ${String(f.lines).padStart(5)}  ${f.file}`);
console.log("largest functions:");
for (const f of functions.slice(0, top)) console.log(`  ${String(f.lines).padStart(5)}  ${f.name} (${f.file}:${f.line})`);
