/** The progress bar stays out of CI logs. */
import { isCI } from "../../src/cli/io";

test.each([
  [{ CI: "true" }, true],
  [{ CI: "1" }, true],
  [{ GITHUB_ACTIONS: "true" }, true],
  [{ CI: "false" }, false],
  [{ CI: "0" }, false],
  [{}, false],
])("%p → %p", (env, expected) => {
  expect(isCI(env)).toBe(expected);
});
