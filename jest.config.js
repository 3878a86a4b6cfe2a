/** Unit and component tests. UI tests opt into jsdom with a docblock. */
module.exports = {
  testEnvironment: "node",
  // A test's own time limit, not a measure of speed (bench/ measures that): on a loaded shared machine a file-reading
  // or jsdom test can take several times its usual second, and 5 s killed them there.
  testTimeout: 30_000,
  testMatch: ["<rootDir>/test/**/*.test.ts?(x)"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js" },
};
