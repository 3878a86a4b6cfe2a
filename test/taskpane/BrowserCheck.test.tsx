/** @jest-environment jsdom */
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import ExcelJS from "exceljs";
import { BrowserCheck } from "../../src/taskpane/browser/BrowserCheck";
import { reportFileName } from "../../src/taskpane/browser/checkFile";
import { termName } from "../../src/cli/terminal";
import { stubResizeObserver, stubWebPlatform } from "../helpers/jsdom";

beforeAll(() => {
  stubResizeObserver();
  stubWebPlatform();
});

/** A File whose bytes jsdom can hand back (its Blob may lack arrayBuffer()). */
function fileOf(bytes: Uint8Array, name: string): File {
  const f = new File([bytes as BlobPart], name);
  Object.defineProperty(f, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return f;
}

function choose(file: File): Promise<void> {
  return act(async () => {
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [file] } });
    for (let i = 0; i < 20 && !screen.queryByTestId("verdict") && !screen.queryByTestId("browser-error"); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
  });
}

describe("BrowserCheck", () => {
  const loadExcel = jest.fn(async () => ExcelJS);
  const save = jest.fn();

  beforeEach(() => {
    render(
      <FluentProvider theme={webLightTheme}>
        <BrowserCheck loadExcel={loadExcel} save={save} />
      </FluentProvider>,
    );
  });

  it("checks a CSV without loading ExcelJS, then builds the report with it", async () => {
    const dir = path.join(__dirname, "..", "fixtures", "real");
    const csv = fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith("06_") && f.endsWith(".csv"))!));
    await choose(fileOf(new Uint8Array(csv), "06.csv"));
    expect(loadExcel).not.toHaveBeenCalled();
    expect(screen.getByTestId("verdict-title").textContent).toMatch(/^不可提交：\d+ 个错误/);
    expect(screen.getAllByTestId("issue-group").map((g) => g.getAttribute("data-group"))).toContain("budget.score-mismatch");
    await act(async () => {
      fireEvent.click(screen.getByTestId("download-report"));
      for (let i = 0; i < 50 && save.mock.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    });
    expect(loadExcel).toHaveBeenCalled();
    const [bytes, name] = save.mock.calls[0] as [Uint8Array, string];
    expect(name).toBe(reportFileName("06.csv"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总 Summary", "问题清单 Issues"]);
  });

  it("after several files, says the file names open each file's details, and opens the one clicked", async () => {
    const dir = path.join(__dirname, "..", "fixtures", "real");
    const pick = (p: string): File => {
      const name = fs.readdirSync(dir).find((f) => f.startsWith(p) && f.endsWith(".csv"))!;
      return fileOf(new Uint8Array(fs.readFileSync(path.join(dir, name))), `${p}.csv`);
    };
    await act(async () => {
      fireEvent.change(screen.getByTestId("file-input"), { target: { files: [pick("06_"), pick("02_")] } });
      for (let i = 0; i < 50 && !screen.queryByTestId("file-summary"); i++) await new Promise((r) => setTimeout(r, 20));
    });
    expect(screen.getByTestId("file-pick-hint").textContent).toBe("点击文件名，查看该文件的结论和问题。");
    const second = screen.getByRole("button", { name: "02_.csv" });
    expect(screen.getByRole("button", { name: "06_.csv" }).getAttribute("aria-pressed")).toBe("true");
    expect(second.getAttribute("aria-pressed")).toBe("false");
    await act(async () => {
      fireEvent.click(second);
    });
    expect(second.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("file-detail").getAttribute("data-file")).toBe("02_.csv");
  });

  /**
   * A name with a right-to-left override reads backwards after it: "发票\u202Egnp.csv" shows as 发票vsc.png, "照片\u202Egnp.exe"
   * as 照片exe.png (issue 25 item 7). The page shows file names as `jx check` prints them (termName): bidi overrides and
   * isolates and other controls taken out, a line break a visible \n; in the text, the attributes people or screen
   * readers meet (aria-label, title, option values aside) and the report's file name.
   */
  it("shows file names with bidi controls as the command line does, never reordered", async () => {
    const dir = path.join(__dirname, "..", "fixtures", "real");
    const csv = new Uint8Array(fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith("06_") && f.endsWith(".csv"))!)));
    const names = ["发票\u202Egnp.csv", "清单\u2067\u202Dx\u2069\nz.csv", "照片\u202Egnp.exe"];
    await act(async () => {
      fireEvent.change(screen.getByTestId("file-input"), { target: { files: [fileOf(csv, names[0]), fileOf(csv, names[1]), fileOf(new Uint8Array([1, 2, 3]), names[2])] } });
      for (let i = 0; i < 50 && !screen.queryByTestId("file-summary"); i++) await new Promise((r) => setTimeout(r, 20));
    });
    expect(names.map((n) => termName(n))).toEqual(["发票gnp.csv", "清单x\\nz.csv", "照片gnp.exe"]);
    const bidi = /[\u202a-\u202e\u2066-\u2069]/;
    const shown = (): string => {
      const attrs = [...document.body.querySelectorAll("*")].flatMap((el) => ["aria-label", "title"].map((a) => el.getAttribute(a) ?? ""));
      return [document.body.textContent ?? "", ...attrs].join("\n");
    };
    expect(screen.getAllByTestId("file-open").map((b) => b.textContent)).toEqual(names.map((n) => termName(n)));
    expect(screen.getByTestId("budget-select").textContent).toContain("发票gnp.csv");
    expect(shown()).not.toMatch(bidi);
    // Each file's details: the verdict's caption, the preview's label, the refusal's title.
    for (const k of [1, 2, 0]) {
      await act(async () => {
        fireEvent.click(screen.getAllByTestId("file-open")[k]);
        for (let i = 0; i < 20 && !screen.queryByTestId("sheet-preview") && k !== 2; i++) await new Promise((r) => setTimeout(r, 20));
      });
      expect(screen.getByTestId("file-detail").textContent).toContain(k === 2 ? `照片gnp.exe` : termName(names[k]));
      expect(shown()).not.toMatch(bidi);
    }
    // The file is still known by its real name where it is matched, not shown.
    expect(screen.getByTestId("file-detail").getAttribute("data-file")).toBe(names[0]);
  });

  it("names the report of one file with a bidi override as the command line would show it", async () => {
    const dir = path.join(__dirname, "..", "fixtures", "real");
    const csv = new Uint8Array(fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith("06_") && f.endsWith(".csv"))!)));
    await choose(fileOf(csv, "发票\u202Egnp.csv"));
    await act(async () => {
      fireEvent.click(screen.getByTestId("download-report"));
      for (let i = 0; i < 50 && save.mock.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    });
    const [, name] = save.mock.calls[save.mock.calls.length - 1] as [Uint8Array, string];
    expect(name).toBe(reportFileName("发票gnp.csv"));
    expect(name).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it("refuses other formats with advice in both languages", async () => {
    await choose(fileOf(new Uint8Array([1, 2, 3]), "表.ods"));
    const text = screen.getByTestId("browser-error").textContent ?? "";
    expect(text).toContain("另存为 .xlsx");
    expect(text).toContain("save it as .xlsx");
  });

  it("says a corrupt .xlsx is corrupt", async () => {
    await choose(fileOf(new Uint8Array(Buffer.from("PK\u0003\u0004 not a zip")), "坏.xlsx"));
    expect(screen.getByTestId("browser-error").textContent).toContain("文件可能已损坏");
  });
});
