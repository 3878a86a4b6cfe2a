import { normalizeSign, signFamily } from "../../../src/domain/value/sign";
import { canonicalUnit } from "../../../src/domain/value/units";

describe("normalizeSign", () => {
  test.each([
    ["≥", "≥"], ["≧", "≥"], [">=", "≥"], ["＞＝", "≥"], ["大于等于", "≥"], ["不低于", "≥"], ["不少于", "≥"], ["以上", "≥"], ["至少", "≥"],
    ["＞", "＞"], [">", "＞"], ["大于", "＞"],
    ["＝", "＝"], ["=", "＝"], ["═", "＝"], ["==", "＝"], ["等于", "＝"], [" = ", "＝"],
    ["＜", "＜"], ["<", "＜"], ["小于", "＜"],
    ["≤", "≤"], ["≦", "≤"], ["<=", "≤"], ["不高于", "≤"], ["不超过", "≤"], ["以下", "≤"], ["以内", "≤"], ["不大于", "≤"],
    ["定性", "定性"], ["定量（其他）", "定量其他"], ["定量(其他)", "定量其他"],
    ["1", "≥"], ["2", "＞"], ["3", "＝"], ["4", "＜"], ["5", "≤"], ["6", "定性"], ["9", "定量其他"], ["１", "≥"],
  ])("%p → %p", (text, sign) => expect(normalizeSign(text)).toBe(sign));
  test.each(["", " ", "7", "8", "10", "abc", "大概", "/"])("%p → undefined", (text) => expect(normalizeSign(text)).toBeUndefined());
});

describe("signFamily", () => {
  test.each([
    ["≥", "positive"], ["＞", "positive"], ["＝", "equal"], ["＜", "reverse"], ["≤", "reverse"],
    ["定性", "qualitative"], ["定量其他", "other"], [undefined, "equal"],
  ] as const)("%p → %p", (sign, family) => expect(signFamily(sign)).toBe(family));
});

describe("canonicalUnit", () => {
  test.each([
    ["万元", "万元", "money", 1], ["萬元", "万元", "money", 1], ["元", "元", "money", 0.0001], ["亿元", "亿元", "money", 10000],
    ["千元", "千元", "money", 0.1], ["%", "%", "percent", undefined], ["％", "%", "percent", undefined], ["百分比", "%", "percent", undefined],
    ["千分比", "‰", "permille", undefined], ["‰", "‰", "permille", undefined], ["个", "个", "count", undefined], ["人次", "人次", "count", undefined],
    ["㎡", "平方米", "other", undefined], ["平方米", "平方米", "other", undefined], ["KM", "公里", "other", undefined], ["亩", "亩", "other", undefined],
    ["天", "天", "time", undefined], ["个月", "月", "time", undefined], ["小时", "小时", "time", undefined],
    ["元/亩", "元/亩", "money", 0.0001], ["元／平方米", "元/平方米", "money", 0.0001], ["万元/公里", "万元/公里", "money", 1], ["人次/年", "人次/年", "count", undefined],
    [" 万元 ", "万元", "money", 1], ["（个）", "个", "count", undefined],
  ] as const)("%p → %p", (text, unit, kind, wanFactor) => {
    const u = canonicalUnit(text);
    expect(u).toMatchObject({ unit, kind });
    expect(u?.wanFactor).toBe(wanFactor);
  });
  test("万人 has a scale", () => expect(canonicalUnit("万人")).toMatchObject({ unit: "人", scaleExponent: 4 }));
  test("money units take no scale prefix", () => expect(canonicalUnit("万元")?.scaleExponent).toBeUndefined());
  test.each(["", "/", "-", "无", "这是一个很长的句子不是单位", "年完成"])("%p → undefined", (t) => expect(canonicalUnit(t)).toBeUndefined());
});
