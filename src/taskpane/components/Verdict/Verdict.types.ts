import type { Report } from "../../../domain/report";

export interface VerdictProps {
  /** The engine's report (a WorkbookCheck fits): `stats`, `byCode` (the verdict) and `tables` are read. */
  readonly report: Pick<Report, "stats" | "tables"> & Partial<Pick<Report, "byCode">>;
  /** Shown under the verdict, e.g. the checked file's name. */
  readonly caption?: string;
  /** Most tables to list; the rest are counted. Default 50. */
  readonly maxTables?: number;
}
