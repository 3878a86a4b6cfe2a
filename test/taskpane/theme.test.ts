import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { isDark, pickTheme } from "../../src/taskpane/theme";
import { detectHost } from "../../src/taskpane/host";

describe("theme", () => {
  it("follows Office's flag, then its background, then the browser", () => {
    expect(isDark({ isDarkTheme: true }, false)).toBe(true);
    expect(isDark({ bodyBackgroundColor: "#1f1f1f" }, false)).toBe(true);
    expect(isDark({ bodyBackgroundColor: "#ffffff" }, true)).toBe(false);
    expect(isDark(undefined, true)).toBe(true);
    expect(pickTheme(undefined, false)).toBe(webLightTheme);
    expect(pickTheme({ isDarkTheme: true }, false)).toBe(webDarkTheme);
  });
});

describe("detectHost", () => {
  it("is excel when Office says so or an Excel namespace exists", () => {
    expect(detectHost("Excel", {})).toBe("excel");
    expect(detectHost(null, { Excel: {} })).toBe("excel");
    expect(detectHost(null, {})).toBe("none");
  });
});
