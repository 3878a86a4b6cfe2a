/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { IssueList } from "../../src/taskpane/components/IssueList/IssueList";
import { StringsProvider } from "../../src/taskpane/i18n";
import { makeIssue } from "../../src/domain/catalog";
import type { Issue } from "../../src/domain/issues";

const ISSUES: Issue[] = [
  makeIssue({ code: "score.total-mismatch", sheet: "自评表", cell: "J30", value: "96", expected: "88.5", message: "总分与各项得分合计不符", messageEn: "Total differs from the sum" }),
  makeIssue({ code: "budget.score-mismatch", sheet: "自评表", cell: "J8", value: "10", expected: "9.2", message: "预算执行率得分应为 9.2", messageEn: "Budget score should be 9.2" }),
  makeIssue({ code: "score.missing-reason", sheet: "自评表", cell: "K15", value: "", message: "扣分未说明原因", messageEn: "No reason for lost points" }),
  makeIssue({ code: "score.missing-reason", sheet: "自评表2", cell: "K16", value: "", message: "扣分未说明原因 2", messageEn: "No reason 2" }),
  makeIssue({ code: "project.excluded", sheet: "清单", cell: "B4", message: "涉密项目不计入", messageEn: "Excluded: classified" }),
];

function show(props: Partial<React.ComponentProps<typeof IssueList>> = {}, language?: string): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <StringsProvider language={language}>
        <IssueList issues={ISSUES} {...props} />
      </StringsProvider>
    </FluentProvider>,
  );
}

const groupKeys = (): (string | null)[] => screen.getAllByTestId("issue-group").map((g) => g.getAttribute("data-group"));

describe("IssueList", () => {
  it("shows a message, value and expected value quoting a cell without its bidi overrides (page and pane alike)", () => {
    const issue = makeIssue({ code: "indicator.vague", sheet: "表\u202E1", cell: "D5", value: "长期\u202E有效", expected: "≥\u206690%", message: "指标值“长期\u202E有效”是笼统的套话", messageEn: "“长期\u202E有效” is vague" });
    show({ issues: [issue] });
    const item = screen.getByTestId("issue");
    expect(item.textContent).toContain("指标值“长期有效”是笼统的套话");
    expect(item.textContent).toContain("当前值: 长期有效");
    expect(item.textContent).toContain("应为: ≥90%");
    expect(item.textContent).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it("groups by code, errors first, and opens only the first group", () => {
    show();
    expect(groupKeys()).toEqual(["score.total-mismatch", "score.missing-reason", "budget.score-mismatch", "project.excluded"]);
    const items = screen.getAllByTestId("issue");
    expect(items).toHaveLength(1);
    expect(items[0].getAttribute("data-cell")).toBe("自评表!J30");
    expect(within(items[0]).getByTestId("issue-message").textContent).toBe("总分与各项得分合计不符");
    expect(items[0].textContent).toContain("当前值: 96");
    expect(items[0].textContent).toContain("应为: 88.5");
    expect(within(items[0]).getByTestId("issue-severity").textContent).toBe("错误");
    const headers = screen.getAllByTestId("issue-group-header");
    expect(headers[0].getAttribute("aria-expanded")).toBe("true");
    expect(headers[1].getAttribute("aria-expanded")).toBe("false");
    expect(headers[1].textContent).toContain("扣分未说明偏差原因");
  });

  it("opens a group and groups by sheet", () => {
    show();
    fireEvent.click(screen.getAllByTestId("issue-group-header")[1]);
    expect(screen.getAllByTestId("issue").map((i) => i.getAttribute("data-cell"))).toEqual(["自评表!J30", "自评表!K15", "自评表2!K16"]);
    fireEvent.click(screen.getByTestId("group-by-sheet"));
    expect(groupKeys()).toEqual(["自评表", "自评表2", "清单"]);
    expect(screen.getAllByTestId("issue")).toHaveLength(3);
  });

  it("filters by severity", () => {
    show();
    expect(screen.getByTestId("filter-error").textContent).toBe("错误 3");
    expect(screen.getByTestId("filter-warning").textContent).toBe("警告 1");
    fireEvent.click(screen.getByTestId("filter-error"));
    expect(screen.getByTestId("filter-error").getAttribute("aria-pressed")).toBe("false");
    expect(groupKeys()).toEqual(["budget.score-mismatch", "project.excluded"]);
    fireEvent.click(screen.getByTestId("filter-warning"));
    fireEvent.click(screen.getByTestId("filter-info"));
    expect(screen.queryAllByTestId("issue-group")).toHaveLength(0);
    expect(screen.getByText("所选严重程度下没有问题。")).toBeTruthy();
  });

  it("without onSelect, names cells but offers no buttons to them", () => {
    show();
    expect(screen.queryByTestId("issue-select")).toBeNull();
    expect(screen.getByTestId("issue-cell").textContent).toBe("自评表!J30");
  });

  it("with onSelect, each issue is a labelled tree item that reports its issue on click and on Enter", () => {
    const onSelect = jest.fn();
    show({ onSelect });
    const item = screen.getByRole("treeitem", { name: /^转到 自评表!J30: 错误, 总分与各项得分合计不符$/ });
    fireEvent.click(item);
    expect(onSelect).toHaveBeenCalledWith(ISSUES[0]);
    fireEvent.keyDown(item, { key: "Enter" });
    expect(onSelect).toHaveBeenCalledTimes(2);
  });

  it("is a Fluent tree: groups are labelled branches with their state, findings are leaves one level down", () => {
    show();
    const tree = screen.getByRole("tree", { name: "问题清单" });
    const groups = within(tree).getAllByRole("treeitem").filter((e) => e.getAttribute("aria-level") === "1");
    expect(groups.map((g) => g.getAttribute("aria-expanded"))).toEqual(["true", "false", "false", "false"]);
    expect(groups[1].getAttribute("aria-label")).toBe("扣分未说明偏差原因: 错误, 2 条");
    const leaves = within(tree).getAllByRole("treeitem").filter((e) => e.getAttribute("aria-level") === "2");
    expect(leaves).toHaveLength(1);
    // Right arrow opens a closed group, left arrow closes it again.
    fireEvent.keyDown(groups[1], { key: "ArrowRight" });
    expect(screen.getAllByTestId("issue-group-header")[1].getAttribute("aria-expanded")).toBe("true");
    expect(screen.getAllByTestId("issue")).toHaveLength(3);
    fireEvent.keyDown(screen.getAllByTestId("issue-group-header")[1], { key: "ArrowLeft" });
    expect(screen.getAllByTestId("issue-group-header")[1].getAttribute("aria-expanded")).toBe("false");
  });

  it("shows why (the rule's source) on demand, from the item's actions", () => {
    show();
    const item = screen.getAllByRole("treeitem").find((e) => e.getAttribute("aria-level") === "2")!;
    fireEvent.focus(item);
    const why = screen.getByTestId("issue-why");
    expect(why.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByTestId("issue-source")).toBeNull();
    fireEvent.click(why);
    expect(screen.getByTestId("issue-why").getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByTestId("issue-source").textContent).toContain(ISSUES[0].source);
    // The source also describes the item for screen readers.
    expect(item.getAttribute("aria-describedby")).toBe(screen.getByTestId("issue-source").id);
  });

  it("shows English messages in English", () => {
    show({}, "en-US");
    expect(screen.getByTestId("issue-message").textContent).toBe("Total differs from the sum");
    expect(screen.getByTestId("filter-error").textContent).toBe("3 errors");
    expect(screen.getAllByTestId("issue-group-header")[1].textContent).toContain("Points lost with no reason given");
  });

  it("says so when there are no issues", () => {
    show({ issues: [] });
    expect(screen.getByTestId("issues-empty").textContent).toBe("未发现问题。");
  });

  it("keeps 2,000 issues cheap: one page of one group, then show more", () => {
    const many: Issue[] = [];
    for (let r = 0; r < 2000; r++) {
      many.push(makeIssue({ code: r % 2 ? "score.missing-reason" : "indicator.vague", sheet: `表${r % 4}`, cell: `K${r + 2}`, message: `问题 ${r}`, messageEn: `issue ${r}` }));
    }
    show({ issues: many, pageSize: 40 });
    expect(screen.getAllByTestId("issue")).toHaveLength(40);
    fireEvent.click(screen.getByTestId("issue-show-more"));
    expect(screen.getAllByTestId("issue")).toHaveLength(80);
    expect(screen.getByTestId("issue-show-more").textContent).toContain("920");
  });

  it("shows rule codes only on asking for the detail, and no empty 应为", () => {
    const blank = makeIssue({ code: "project.invalid-target", sheet: "清单", cell: "A2", value: "P1", expected: "", message: "目标有错", messageEn: "Target has errors" });
    render(
      <FluentProvider theme={webLightTheme}>
        <IssueList issues={[blank, ...ISSUES]} />
      </FluentProvider>,
    );
    for (const h of screen.getAllByTestId("issue-group-header")) {
      expect(h.textContent).not.toMatch(/[a-z]+\.[a-z-]+/);
      expect(h.getAttribute("aria-label")).not.toMatch(/[a-z]+\.[a-z-]+/);
    }
    const item = screen.getAllByTestId("issue")[0];
    expect(item.getAttribute("data-code")).toBe("project.invalid-target");
    expect(item.textContent).not.toContain("应为");
    expect(within(item).queryByTestId("issue-code")).toBeNull();
    fireEvent.focus(screen.getAllByRole("treeitem").find((e) => e.getAttribute("aria-level") === "2")!);
    fireEvent.click(screen.getByTestId("issue-why"));
    expect(screen.getByTestId("issue-code").textContent).toBe("规则代码: project.invalid-target");
  });
});
