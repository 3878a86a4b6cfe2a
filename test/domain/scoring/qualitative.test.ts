import { QUALITATIVE_BANDS } from "../../../src/domain/profiles/common";
import { bandRange, bandText, checkBandScore, findBand } from "../../../src/domain/scoring/qualitative";

const [MET, PARTLY, NOT] = QUALITATIVE_BANDS;

describe("findBand", () => {
  test.each([
    ["达成年度指标", MET],
    ["部分达成年度指标并具有一定效果", PARTLY],
    ["未达成年度指标且效果较差", NOT],
    ["达成", MET],
    ["达到预期", MET],
    ["部分达成", PARTLY],
    ["部分达到目标", PARTLY],
    ["基本达成", MET], // no option of the three: read by its 达成 (real 117's key)
    ["基本达到", MET],
    ["未达成", NOT],
    ["未达到预期", NOT],
    ["没有达成年度目标", NOT],
    [" 达成年度指标。", MET],
    ["达成年度指标\n", MET],
  ])("%s", (text, band) => {
    expect(findBand(text)).toBe(band);
  });
  test("other words have no band", () => {
    expect(findBand("有效")).toBeUndefined();
    expect(findBand("")).toBeUndefined();
    expect(findBand("100%")).toBeUndefined();
  });
});

describe("bands (§4.4)", () => {
  test("W = 10, 部分达成 → [6, 8); 8.00 is rejected, 6 and 7.99 pass", () => {
    expect(bandText(bandRange(PARTLY, 10))).toBe("[6, 8)");
    expect(checkBandScore(8, PARTLY, 10).ok).toBe(false);
    expect(checkBandScore(6, PARTLY, 10).ok).toBe(true);
    expect(checkBandScore(7.99, PARTLY, 10).ok).toBe(true);
    expect(checkBandScore(5.99, PARTLY, 10).ok).toBe(false);
  });
  test("达成: [0.8W, W] inclusive at both ends", () => {
    expect(checkBandScore(10, MET, 10).ok).toBe(true);
    expect(checkBandScore(8, MET, 10).ok).toBe(true);
    expect(checkBandScore(7.9, MET, 10).ok).toBe(false);
    expect(checkBandScore(10.5, MET, 10).ok).toBe(false);
  });
  test("未达成: [0, 0.6W)", () => {
    expect(checkBandScore(0, NOT, 10).ok).toBe(true);
    expect(checkBandScore(6, NOT, 10).ok).toBe(false);
    expect(checkBandScore(-1, NOT, 10).ok).toBe(false);
  });
  test("edges rounded to 2 dp: W = 7 → 达成 [5.6, 7], 部分 [4.2, 5.6)", () => {
    expect(bandRange(MET, 7)).toMatchObject({ min: 5.6, max: 7 });
    expect(bandRange(PARTLY, 7)).toMatchObject({ min: 4.2, max: 5.6 });
    expect(checkBandScore(5.6, PARTLY, 7).ok).toBe(false);
    expect(checkBandScore(5.6, MET, 7).ok).toBe(true);
  });
  test("the rejection explains itself in both languages", () => {
    const r = checkBandScore(8, PARTLY, 10);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain("[6, 8)");
      expect(r.reasonEn).toContain("[6, 8)");
    }
  });
});
