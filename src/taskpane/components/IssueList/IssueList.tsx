/**
 * The issues of a check, grouped by code or by sheet, filtered by severity, as a Fluent UI tree (groups are branches,
 * findings leaves: arrow keys, Home/End and type-ahead move, Right/Left open and close, each item labelled for screen
 * readers). Groups render collapsed (only the first opens) and each shows a page at a time, so thousands of issues
 * stay cheap. With `onSelect`, Enter or a click on a finding takes the user to its cell; without it, the cell is
 * named but nothing is activated.
 */
import * as React from "react";
import { Badge, Button, Tab, TabList, ToggleButton, Tree, TreeItem, TreeItemLayout, mergeClasses, type BadgeProps } from "@fluentui/react-components";
import { issueType } from "../../../domain/catalog";
import type { Issue, Severity } from "../../../domain/issues";
import { shownName, shownText } from "../../../file/shown-text";
import { oneLanguage, useStrings, type Strings } from "../../i18n";
import type { IssueGrouping, IssueListProps } from "./IssueList.types";
import { useIssueListStyles } from "./useIssueListStyles.styles";

export type { IssueGrouping, IssueListProps } from "./IssueList.types";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const BADGE: Record<Severity, BadgeProps["color"]> = { error: "danger", warning: "warning", info: "informative" };

interface Group {
  readonly key: string;
  readonly title: string;
  /** The code under the title (by-code grouping). */
  readonly code?: string;
  readonly severity: Severity;
  readonly issues: Issue[];
}

/** Groups in a stable order: by code, worst severity first then first appearance; by sheet, first appearance. */
function groupIssues(issues: readonly Issue[], by: IssueGrouping, t: Strings): Group[] {
  const map = new Map<string, Group>();
  for (const i of issues) {
    const key = by === "code" ? i.code : i.sheet;
    let g = map.get(key);
    if (!g) {
      const type = by === "code" ? issueType(i.code) : undefined;
      g = {
        key,
        title: type ? (t.lang === "en" ? type.titleEn : type.title) : shownName(i.sheet),
        ...(type ? { code: i.code } : {}),
        severity: i.severity,
        issues: [],
      };
      map.set(key, g);
    } else if (RANK[i.severity] < RANK[g.severity]) {
      g = { ...g, severity: i.severity };
      map.set(key, g);
    }
    g.issues.push(i);
  }
  const groups = [...map.values()];
  if (by === "code") groups.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return groups;
}

/** "Sheet!A1" as people read it. */
export function cellRef(issue: Pick<Issue, "sheet" | "cell">): string {
  // The sheet as `jx check` prints it: a bidi override in its name must not reorder the cell shown after it.
  const sheet = shownName(issue.sheet);
  return issue.cell ? `${sheet}!${issue.cell}` : sheet;
}

interface ItemProps {
  readonly issue: Issue;
  readonly onSelect?: (issue: Issue) => void;
  readonly t: Strings;
  readonly value: string;
}

/**
 * One finding: a leaf of the tree. With `onSelect`, Enter or a click on it goes to its cell; its "why" (the rule's
 * source) is an action of the item (shown when the item has focus or the pointer, reached with Tab), and the source
 * is also the item's description for screen readers.
 */
const IssueItem = React.memo(function IssueItem({ issue, onSelect, t, value }: ItemProps): React.JSX.Element {
  const styles = useIssueListStyles();
  const [why, setWhy] = React.useState(false);
  const ref = cellRef(issue);
  // Text quoting a cell is shown as the report and `jx check` show it: bidi overrides and controls taken out.
  const message = shownText(t.lang === "en" ? issue.messageEn : issue.message);
  const sourceId = React.useId();
  // An empty "应为" says nothing: shown only when there is an expected value.
  const hasExpected = issue.expected !== undefined && issue.expected !== "";
  const label = `${onSelect ? t.goToCell(ref) : ref}: ${t.severity[issue.severity]}, ${message}`;
  return (
    <div className={styles.contents} data-testid="issue" data-code={issue.code} data-cell={ref} data-severity={issue.severity}>
      <TreeItem
        itemType="leaf"
        value={value}
        aria-label={label}
        aria-describedby={why ? sourceId : undefined}
        onClick={onSelect ? () => onSelect(issue) : undefined}
        className={mergeClasses(styles.item, onSelect && styles.itemSelectable)}
        data-testid={onSelect ? "issue-select" : undefined}
      >
        <TreeItemLayout
          className={styles.itemLayout}
          main={{ className: styles.main }}
          actions={
            <Button
              appearance="transparent"
              size="small"
              className={styles.whyButton}
              aria-expanded={why}
              aria-controls={why ? sourceId : undefined}
              aria-label={why ? t.hideWhy : `${t.why}: ${ref}`}
              onClick={(e) => {
                e.stopPropagation();
                setWhy((w) => !w);
              }}
              data-testid="issue-why"
            >
              {t.why}
            </Button>
          }
        >
          <span className={styles.line}>
            <Badge appearance="filled" color={BADGE[issue.severity]} size="small" data-testid="issue-severity">
              {t.severity[issue.severity]}
            </Badge>
            <span className={mergeClasses(styles.cell, onSelect && styles.cellLink)} data-testid="issue-cell">
              {ref}
            </span>
          </span>
          <span className={styles.message} data-testid="issue-message">
            {message}
          </span>
          {(issue.value !== "" || hasExpected) && (
            <span className={styles.values}>
              {t.value}: <span className={styles.valueText}>{issue.value === "" ? t.empty : shownText(issue.value)}</span>
              {hasExpected && (
                <>
                  {" · "}
                  {t.expected}: <span className={styles.valueText}>{shownText(oneLanguage(issue.expected, t.lang))}</span>
                </>
              )}
            </span>
          )}
          {why && (
            <span id={sourceId} className={styles.source} data-testid="issue-source">
              {t.source}: {issue.source}
              {/* The rule's code, for whoever asks for the detail (a reviewer citing it, support): not in the list itself. */}
              <span className={styles.ruleCode} data-testid="issue-code">
                {t.ruleCode}: {issue.code}
              </span>
            </span>
          )}
        </TreeItemLayout>
      </TreeItem>
    </div>
  );
});

export function IssueList({ issues, onSelect, groupBy = "code", pageSize = 50 }: IssueListProps): React.JSX.Element {
  const styles = useIssueListStyles();
  const t = useStrings();
  const [grouping, setGrouping] = React.useState<IssueGrouping>(groupBy);
  const [hidden, setHidden] = React.useState<ReadonlySet<Severity>>(() => new Set());
  // Per grouping: which groups are open (undefined → only the first) and how many items each shows.
  const [open, setOpen] = React.useState<ReadonlySet<string> | undefined>(undefined);
  const [shown, setShown] = React.useState<ReadonlyMap<string, number>>(() => new Map());

  const counts = React.useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const i of issues) c[i.severity]++;
    return c;
  }, [issues]);
  const visible = React.useMemo(() => (hidden.size === 0 ? issues : issues.filter((i) => !hidden.has(i.severity))), [issues, hidden]);
  const groups = React.useMemo(() => groupIssues(visible, grouping, t), [visible, grouping, t]);
  const openSet = open ?? new Set(groups.length > 0 ? [groups[0].key] : []);

  const toggleSeverity = (s: Severity): void =>
    setHidden((h) => {
      const n = new Set(h);
      if (n.has(s)) n.delete(s);
      else n.add(s);
      return n;
    });
  const showMore = (key: string): void =>
    setShown((m) => {
      const n = new Map(m);
      n.set(key, (m.get(key) ?? pageSize) + pageSize);
      return n;
    });

  if (issues.length === 0) {
    return (
      <section className={styles.root} aria-label={t.issuesLabel} lang={t.langTag}>
        <span className={styles.empty} data-testid="issues-empty">
          {t.noIssues}
        </span>
      </section>
    );
  }

  return (
    <section className={styles.root} aria-label={t.issuesLabel} lang={t.langTag} data-testid="issue-list">
      <h2 className={styles.title}>
        {t.issuesLabel} ({issues.length})
      </h2>
      <div className={styles.toolbar}>
        <TabList
          size="small"
          aria-label={t.groupBy}
          selectedValue={grouping}
          onTabSelect={(_, d) => {
            setGrouping(d.value === "sheet" ? "sheet" : "code");
            setOpen(undefined);
            setShown(new Map());
          }}
        >
          <Tab value="code" data-testid="group-by-code">
            {t.groupByCode}
          </Tab>
          <Tab value="sheet" data-testid="group-by-sheet">
            {t.groupBySheet}
          </Tab>
        </TabList>
        <div className={styles.filters} role="group" aria-label={t.filterBySeverity}>
          {SEVERITIES.map((s) => (
            <ToggleButton
              key={s}
              size="small"
              appearance="subtle"
              checked={!hidden.has(s) && counts[s] > 0}
              disabled={counts[s] === 0}
              onClick={() => toggleSeverity(s)}
              data-testid={`filter-${s}`}
            >
              {t.severityCount(s, counts[s])}
            </ToggleButton>
          ))}
        </div>
      </div>
      {groups.length === 0 ? (
        <span className={styles.empty}>{t.noIssuesForFilter}</span>
      ) : (
        // A Fluent tree: groups are branches, findings leaves. Arrow keys move, Right/Left open and close a group,
        // Home/End jump, typing a letter finds a group; Enter on a finding goes to its cell.
        <Tree
          aria-label={t.issuesLabel}
          size="small"
          className={styles.groups}
          openItems={openSet}
          onOpenChange={(_, d) => setOpen(new Set([...d.openItems].map(String)))}
          data-testid="issue-tree"
        >
          {groups.map((g) => {
            const isOpen = openSet.has(g.key);
            const limit = shown.get(g.key) ?? pageSize;
            return (
              <div key={g.key} className={styles.contents} data-testid="issue-group" data-group={g.key}>
                <TreeItem
                  itemType="branch"
                  value={g.key}
                  aria-label={`${g.title}: ${t.severity[g.severity]}, ${t.groupCount(g.issues.length)}`}
                  className={styles.group}
                  data-testid="issue-group-header"
                >
                  <TreeItemLayout
                    className={styles.groupHeader}
                    iconBefore={
                      <Badge appearance="tint" color={BADGE[g.severity]} size="small">
                        {t.severity[g.severity]}
                      </Badge>
                    }
                    aside={
                      <Badge appearance="outline" color="informative">
                        {g.issues.length}
                      </Badge>
                    }
                  >
                    <span className={styles.groupTitle}>
                      {g.title}
                    </span>
                  </TreeItemLayout>
                  <Tree aria-label={g.title} className={styles.items}>
                    {isOpen && g.issues.slice(0, limit).map((issue, ii) => <IssueItem key={`${issue.sheet}!${issue.cell}:${issue.code}:${ii}`} issue={issue} onSelect={onSelect} t={t} value={`${g.key}\u0000${ii}`} />)}
                    {isOpen && g.issues.length > limit && (
                      <TreeItem itemType="leaf" value={`${g.key}\u0000more`} onClick={() => showMore(g.key)} className={styles.more} data-testid="issue-show-more">
                        <TreeItemLayout>{t.showMore(g.issues.length - limit)}</TreeItemLayout>
                      </TreeItem>
                    )}
                  </Tree>
                </TreeItem>
              </div>
            );
          })}
        </Tree>
      )}
    </section>
  );
}
