/**
 * The plain form every .xlsx part is read in (src/file/xml-normal.ts): each valid way of writing the same XML gives the
 * same bytes, whichever way the part is cut into chunks, and ordinary parts pass unchanged.
 */
import fc from "fast-check";
import { normalizeXml, utf8Part, XmlNormalizer, XmlPartError } from "../../src/file/xml-normal";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder().decode(b);
const plain = (s: string): string => dec(normalizeXml(enc(s), "xl/worksheets/sheet1.xml"));

/** The part pushed in pieces cut at the given offsets. */
function inPieces(s: string, cuts: readonly number[]): string {
  const bytes = enc(s);
  const n = new XmlNormalizer("p");
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    out.push(n.push(bytes.subarray(from, c)));
    from = c;
  }
  out.push(n.push(bytes.subarray(from)), n.end());
  return dec(Buffer.concat(out));
}

describe("the plain form of an XML part", () => {
  it("leaves what Excel writes unchanged, apart from the XML declaration", () => {
    const body = `<worksheet xmlns="${MAIN}" xmlns:r="r"><sheetData><row r="1" spans="1:2" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1"/></row></sheetData></worksheet>`;
    expect(plain(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`)).toBe(`\n${body}`);
  });

  it("drops the prefix of SpreadsheetML elements, declared on the root or on the element itself", () => {
    expect(plain(`<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`)).toBe(
      `<worksheet xmlns:x="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
    );
    expect(plain(`<worksheet xmlns="${MAIN}"><s:sheetData xmlns:s="${MAIN}"><s:row/></s:sheetData></worksheet>`)).toBe(`<worksheet xmlns="${MAIN}"><sheetData xmlns:s="${MAIN}"><row/></sheetData></worksheet>`);
  });

  it("keeps the prefix of other namespaces (their elements are not read)", () => {
    const s = `<worksheet xmlns="${MAIN}" xmlns:x14="urn:x14"><sheetData/><x14:c r="A1"><x14:v>9</x14:v></x14:c></worksheet>`;
    expect(plain(s)).toBe(s);
  });

  it("turns CDATA into escaped text, drops comments and processing instructions, ends end tags at their name", () => {
    expect(plain(`<a><t><![CDATA[a<b & c>d]]]]></t><!-- <row r="9"> --><?pi x?></t ><b/></a>`)).toBe(`<a><t>a&lt;b &amp; c&gt;d]]</t></t><b/></a>`);
  });

  it("escapes a > inside an attribute value, in single or double quotes", () => {
    expect(plain(`<a><c r='A1' x="1>0" y='>'><v>1</v></c></a>`)).toBe(`<a><c r='A1' x="1&gt;0" y='&gt;'><v>1</v></c></a>`);
  });

  it("refuses a DOCTYPE, but not the word inside CDATA or a comment", () => {
    expect(() => plain(`<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>`)).toThrow(XmlPartError);
    expect(plain(`<a><t><![CDATA[<!DOCTYPE>]]></t><!-- <!DOCTYPE --></a>`)).toBe(`<a><t>&lt;!DOCTYPE&gt;</t></a>`);
  });

  it("reads UTF-16 parts (with or without a byte-order mark) as UTF-8", () => {
    const xml = `<a><t>预算 ✓</t></a>`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]);
    expect(dec(utf8Part(new Uint8Array(le)))).toBe(xml);
    const be = Buffer.from(xml, "utf16le").swap16();
    expect(dec(utf8Part(new Uint8Array(be)))).toBe(xml);
    expect(utf8Part(enc(xml))).toEqual(enc(xml));
  });

  it("gives the same bytes whichever way the part is cut into chunks", () => {
    const doc =
      `<?xml version="1.0"?><!-- c --><x:worksheet xmlns:x="${MAIN}" a='1>2'><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t><![CDATA[<&]]]></x:t></x:is></x:c>` +
      `<c r="B1"><v>2</v></c ></x:row><!----></x:sheetData><y:z xmlns:y="urn:y">预算</y:z></x:worksheet >`;
    const whole = plain(doc);
    expect(whole).toBe(`<worksheet xmlns:x="${MAIN}" a='1&gt;2'><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;&amp;]</t></is></c><c r="B1"><v>2</v></c></row></sheetData><y:z xmlns:y="urn:y">预算</y:z></worksheet>`);
    const size = enc(doc).length;
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: size - 1 }), { maxLength: 12 }), (cuts) => inPieces(doc, cuts) === whole));
    for (let k = 1; k < size; k++) expect(inPieces(doc, [k])).toBe(whole);
  });
});
