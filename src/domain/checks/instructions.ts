/**
 * Text a form carries as instructions to whoever fills it in (填报说明), not content: "(100字以内)", "需说明原因",
 * "结合自评情况，说明…", and the form's own scoring method ("执行率*该指标分值"). Such text in a reason or
 * narrative cell means the cell was never written (real tables 11, 16).
 */

/** Phrases only the template's instructions use. Plain substrings: tested in linear time. */
const INSTRUCTION_PHRASES: readonly string[] = [
  "字以内",
  "需说明原因",
  "应单独说明",
  "说明相关任务目标",
  "结合自评情况",
  "针对项目自评中发现的问题",
  "提出下一步改进",
  "该指标分值",
  "最高不得超过分值",
  "得分计算方法",
  "请如实填写",
  "填报说明",
];

/** True when a cell's text is the template's instruction (or the form's scoring method), not an answer. */
export function isTemplateInstruction(text: string): boolean {
  if (text.length < 4 || text.length > 2000) return false;
  const t = text.replace(/\s+/g, "");
  for (const p of INSTRUCTION_PHRASES) if (t.includes(p)) return true;
  return false;
}
