/** The page's folder walk (a dropped folder through webkitGetAsEntry, a chosen one through webkitdirectory) and its display text. */
import { comparePaths, inputsFromFiles, walkEntries, type EntryLike } from "../../src/taskpane/browser/folder";
import { displayText } from "../../src/taskpane/browser/displayText";

/** A fake file entry; `fail` makes file() fail as a vanished file does. */
function fileEntry(fullPath: string, fail = false): EntryLike {
  const name = fullPath.split("/").pop() ?? fullPath;
  return {
    isFile: true,
    isDirectory: false,
    name,
    fullPath,
    file: (ok, bad) => (fail ? bad?.(new Error("NotFoundError")) : ok(new File([name], name))),
  };
}

/** A fake folder entry whose reader hands its children over `batch` at a time, as Chromium does (100). */
function dirEntry(fullPath: string, children: EntryLike[], batch = 2): EntryLike {
  return {
    isFile: false,
    isDirectory: true,
    name: fullPath.split("/").pop() ?? fullPath,
    fullPath,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok) => {
          const part = children.slice(at, at + batch);
          at += batch;
          setTimeout(() => ok(part), 0);
        },
      };
    },
  };
}

describe("walkEntries (a dropped folder)", () => {
  it("walks as jx check walks a folder: sorted by name, subfolders in place, hidden and lock files left out", async () => {
    const tree = dirEntry("/报表", [
      fileEntry("/报表/预算项目清单.xlsx"),
      dirEntry("/报表/子目录", [fileEntry("/报表/子目录/b.csv"), fileEntry("/报表/子目录/a.xlsx")]),
      fileEntry("/报表/~$预算项目清单.xlsx"),
      fileEntry("/报表/.DS_Store"),
      fileEntry("/报表/14.csv"),
      fileEntry("/报表/说明.txt"),
    ]);
    const out = await walkEntries([tree, fileEntry("/单独.xlsx")]);
    expect(out.map((i) => i.name)).toEqual(["报表/14.csv", "报表/子目录/a.xlsx", "报表/子目录/b.csv", "报表/说明.txt", "报表/预算项目清单.xlsx", "单独.xlsx"]);
    // Files inside a folder are not explicit (an unknown type there is skipped, not refused); a dropped file is.
    expect(out.map((i) => i.explicit)).toEqual([false, false, false, false, false, true]);
    expect(out.every((i) => i.file instanceof File)).toBe(true);
  });

  it("reads every batch of a large folder and reports a file that cannot be opened", async () => {
    const many = Array.from({ length: 7 }, (_, k) => fileEntry(`/d/${k}.csv`));
    const out = await walkEntries([dirEntry("/d", [...many, fileEntry("/d/gone.xlsx", true)], 3)]);
    expect(out).toHaveLength(8);
    const gone = out.find((i) => i.name === "d/gone.xlsx");
    expect(gone?.file).toBeUndefined();
    expect(gone?.problem?.message).toMatch(/^无法打开/);
  });
});

describe("inputsFromFiles (files chosen, or a folder through webkitdirectory)", () => {
  const withPath = (path: string): File => {
    const f = new File(["x"], path.split("/").pop() ?? path);
    Object.defineProperty(f, "webkitRelativePath", { value: path });
    return f;
  };

  it("keeps chosen files in the order given, each explicit", () => {
    const out = inputsFromFiles([new File(["a"], "b.xlsx"), new File(["b"], "a.csv")], true);
    expect(out.map((i) => [i.name, i.explicit])).toEqual([
      ["b.xlsx", true],
      ["a.csv", true],
    ]);
  });

  it("puts a chosen folder's files in the walk's order without hidden or lock files", () => {
    const out = inputsFromFiles([withPath("r/z.xlsx"), withPath("r/.git/x.csv"), withPath("r/sub/a.csv"), withPath("r/~$z.xlsx"), withPath("r/a b.csv")], false);
    expect(out.map((i) => i.name)).toEqual(["r/a b.csv", "r/sub/a.csv", "r/z.xlsx"]);
    expect(out.every((i) => !i.explicit)).toBe(true);
  });

  it("compares paths segment by segment (a folder sorts by its own name, not by what follows it)", () => {
    expect(["r/a-b.csv", "r/a/z.csv", "r/a.csv"].sort(comparePaths)).toEqual(["r/a/z.csv", "r/a-b.csv", "r/a.csv"]);
  });
});

describe("displayText (the preview's cells)", () => {
  it("shows numbers by their format, as the sheet does", () => {
    expect(displayText(1, "0.00%")).toBe("100.00%");
    expect(displayText(0.8045, "0%")).toBe("80%");
    expect(displayText(160.9, "0.00")).toBe("160.90");
    expect(displayText(1234567.5, "#,##0.0")).toBe("1,234,567.5");
    expect(displayText(45292, "yyyy-mm-dd")).toBe("2024-01-01");
    expect(displayText(45292, 'yyyy"年"m"月"')).toBe("2024-01");
    expect(displayText(0.1 + 0.2, null)).toBe("0.3");
    expect(displayText(98.05, "General")).toBe("98.05");
  });

  it("shows text, booleans, errors and empty cells as they are", () => {
    expect(displayText("≥95%", "0.00%")).toBe("≥95%");
    expect(displayText(true, null)).toBe("TRUE");
    expect(displayText({ error: "#N/A" }, null)).toBe("#N/A");
    expect(displayText(null, null)).toBe("");
  });
});
