/** Types for tools/check-manifest.js (a plain node script, so `npm run validate` needs no build). */
export interface ManifestCheck {
  readonly ok: boolean;
  /** One line per problem: "中文 / English", prefixed with the line number when known. */
  readonly problems: string[];
  /** How many individual checks were run. */
  readonly checks: number;
}
export interface XmlElement {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: XmlElement[];
  readonly text: string;
  readonly line: number;
  readonly parent: XmlElement | null;
}
export function checkManifest(xmlText: string): ManifestCheck;
export function parseXml(text: string): XmlElement;
export class XmlError extends Error {
  readonly line: number;
}
