/**
 * form.missing-field: a form's own field left blank — 项目名称, 主管部门 or 实施单位 labelled on the form with nothing
 * beside it (the national 申报表 and 自评表 put them above the funds block; every copy published with them blank is
 * sent back: nobody can tell whose project it is). One finding per blank field, at the cell where its value goes.
 * Forms only: a list carries these per row, in columns of its own.
 */
import { say } from "../catalog";
import type { ProjectInfo, Ref } from "../tables/model";
import type { Check } from "./types";

const FIELDS: readonly { readonly key: keyof Pick<ProjectInfo, "name" | "department" | "unit" | "contact">; readonly label: string; readonly labelEn: string }[] = [
  { key: "name", label: "项目名称", labelEn: "project name" },
  { key: "department", label: "主管部门", labelEn: "supervising department" },
  { key: "unit", label: "实施单位", labelEn: "implementing unit" },
  { key: "contact", label: "项目负责人", labelEn: "person in charge of the project" },
];

export const formFields: Check = {
  id: "form-fields",
  codes: ["form.missing-field"],
  end({ table, project }, _state, emit) {
    if (table.layout !== "form") return;
    for (const f of FIELDS) {
      const ref: Ref | undefined = project.info[f.key];
      if (!ref || ref.text.trim() !== "") continue;
      emit({
        ...say("form.missing-field", "blank", { field: { zh: f.label, en: f.labelEn } }),
        sheet: table.sheet,
        cell: ref.address,
        value: "",
        expected: f.label,
      });
    }
  },
};
