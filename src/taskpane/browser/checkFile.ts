/** Names of the browser page's files: the report download's name from a checked file's. */

/** The extension, lower case with its dot ("" when none). */
export function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name);
  return m ? m[0].toLowerCase() : "";
}

/** The file name without its extension. */
export function baseName(name: string): string {
  const ext = extensionOf(name);
  return ext ? name.slice(0, -ext.length) : name;
}

/** The download's file name: 校验报告-<name>.xlsx. */
export function reportFileName(fileName: string): string {
  return `校验报告-${baseName(fileName) || "workbook"}.xlsx`;
}
