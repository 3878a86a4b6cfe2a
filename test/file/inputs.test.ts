import * as fs from "fs";
import * as path from "path";
import { expandInputs, readInput, unsupportedMessage } from "../../src/file/inputs";
import { removeDir, tempDir } from "../helpers/workbooks";

describe("expandInputs", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    fs.mkdirSync(path.join(dir, "部门", "子目录"), { recursive: true });
    for (const f of ["部门/b.xlsx", "部门/a.csv", "部门/子目录/c.xlsm", "部门/old.xls", "部门/wps.et", "部门/notes.txt", "部门/~$b.xlsx", "部门/.DS_Store", "single.ods"]) {
      fs.writeFileSync(path.join(dir, f), "x");
    }
  });
  afterAll(() => removeDir(dir));

  it("walks folders sorted, classifies, skips lock and hidden files, says why for the rest", async () => {
    const r = await expandInputs(["部门", "single.ods", "missing.xlsx", "部门/b.xlsx"], dir);
    expect(r.files.map((f) => [f.display, f.kind])).toEqual([
      ["部门/a.csv", "csv"],
      ["部门/b.xlsx", "xlsx"],
      ["部门/子目录/c.xlsm", "xlsx"],
    ]);
    const problems = Object.fromEntries(r.problems.map((p) => [p.display, p.code]));
    expect(problems).toEqual({
      "部门/notes.txt": "skipped",
      "部门/old.xls": "unsupported",
      "部门/wps.et": "unsupported",
      "single.ods": "unsupported",
      "missing.xlsx": "not-found",
    });
  });

  it("gives the save-as advice in both languages", () => {
    expect(unsupportedMessage(".xls")).toEqual({
      message: "不支持 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx",
      messageEn: ".xls is not supported: save it as .xlsx in Excel or WPS",
    });
    expect(unsupportedMessage(".txt").messageEn).toMatch(/not a spreadsheet/);
  });

  it("refuses an empty file with a readable message", async () => {
    const f = path.join(dir, "empty.csv");
    fs.writeFileSync(f, "");
    await expect(readInput({ path: f, display: "empty.csv", kind: "csv" })).rejects.toThrow(/文件为空/);
  });
});
