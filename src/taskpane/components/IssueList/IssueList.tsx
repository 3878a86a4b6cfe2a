/**
 * The issues of a check, grouped by code or by sheet, filtered by severity. Groups render collapsed (only the
 * first opens) and each shows a page at a time, so thousands of issues stay cheap. With `onSelect`, each issue
 * is a button that takes the user to its cell; without it, the cell is named but nothing is clickable.
 */
import * as React from "react";
import { Badge, Button, Tab, TabList, ToggleButton, mergeClasses, type BadgeProps } from "@fluentui/react-components";
import { issueType } from "../../../domain/catalog";
import type { Issue, Severity } from "../../../domain/issues";
import { useStrings, type Strings } from "../../i18n";
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
        title: type ? (t.lang === "en" ? type.titleEn : type.title) : i.sheet,
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
  return issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
}

interface ItemProps {
  readonly issue: Issue;
  readonly onSelect?: (issue: Issue) => void;
  readonly t: Strings;
  readonly id: string;
}

const IssueItem = React.memo(function IssueItem({ issue, onSelect, t, id }: ItemProps): React.JSX.Element {
  const styles = useIssueListStyles();
  const [why, setWhy] = React.useState(false);
  const ref = cellRef(issue);
  const message = t.lang === "en" ? issue.messageEn : issue.message;
  const content = (
    <>
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
      {(issue.value !== "" || issue.expected !== undefined) && (
        <span className={styles.values}>
          {t.value}: <span className={styles.valueText}>{issue.value === "" ? t.empty : issue.value}</span>
          {issue.expected !== undefined && (
            <>
              {" · "}
              {t.expected}: <span className={styles.valueText}>{issue.expected}</span>
            </>
          )}
        </span>
      )}
    </>
  );
  const sourceId = `${id}-why`;
  return (
    <li className={styles.item} data-testid="issue" data-code={issue.code} data-cell={ref} data-severity={issue.severity}>
      <div className={styles.itemRow}>
        {onSelect ? (
          <button
            type="button"
            className={mergeClasses(styles.main, styles.mainButton)}
            onClick={() => onSelect(issue)}
            aria-label={`${t.goToCell(ref)}: ${t.severity[issue.severity]}, ${message}`}
            data-testid="issue-select"
          >
            {content}
          </button>
        ) : (
          <div className={styles.main}>{content}</div>
        )}
        <Button
          appearance="transparent"
          size="small"
          className={styles.whyButton}
          aria-expanded={why}
          aria-controls={why ? sourceId : undefined}
          aria-label={why ? t.hideWhy : `${t.why}: ${ref}`}
          onClick={() => setWhy((w) => !w)}
          data-testid="issue-why"
        >
          {t.why}
        </Button>
      </div>
      {why && (
        <div id={sourceId} className={styles.source} data-testid="issue-source">
          {t.source}: {issue.source}
        </div>
      )}
    </li>
  );
});

export function IssueList({ issues, onSelect, groupBy = "code", pageSize = 50 }: IssueListProps): React.JSX.Element {
  const styles = useIssueListStyles();
  const t = useStrings();
  const baseId = React.useId();
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
  const toggleGroup = (key: string): void => {
    const n = new Set(openSet);
    if (n.has(key)) n.delete(key);
    else n.add(key);
    setOpen(n);
  };
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
        <ul className={styles.groups} aria-label={t.issuesLabel}>
          {groups.map((g, gi) => {
            const isOpen = openSet.has(g.key);
            const limit = shown.get(g.key) ?? pageSize;
            const panelId = `${baseId}-g${gi}`;
            return (
              <li key={g.key} className={styles.group} data-testid="issue-group" data-group={g.key}>
                <button
                  type="button"
                  className={styles.groupHeader}
                  aria-expanded={isOpen}
                  aria-controls={isOpen ? panelId : undefined}
                  onClick={() => toggleGroup(g.key)}
                  data-testid="issue-group-header"
                >
                  <span aria-hidden="true" className={mergeClasses(styles.chevron, isOpen && styles.chevronOpen)}>
                    ›
                  </span>
                  <Badge appearance="tint" color={BADGE[g.severity]} size="small">
                    {t.severity[g.severity]}
                  </Badge>
                  <span className={styles.groupTitle}>
                    {g.title}
                    {g.code && <span className={styles.groupCode}>{g.code}</span>}
                  </span>
                  <Badge appearance="outline" color="informative" aria-label={t.groupCount(g.issues.length)}>
                    {g.issues.length}
                  </Badge>
                </button>
                {isOpen && (
                  <ul id={panelId} className={styles.items} aria-label={g.title}>
                    {g.issues.slice(0, limit).map((issue, ii) => (
                      <IssueItem key={`${issue.sheet}!${issue.cell}:${issue.code}:${ii}`} issue={issue} onSelect={onSelect} t={t} id={`${panelId}-${ii}`} />
                    ))}
                    {g.issues.length > limit && (
                      <li>
                        <Button className={styles.more} size="small" appearance="secondary" onClick={() => showMore(g.key)} data-testid="issue-show-more">
                          {t.showMore(g.issues.length - limit)}
                        </Button>
                      </li>
                    )}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
