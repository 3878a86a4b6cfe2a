/** The Office.js adapter: everything that talks to Excel lives under src/excel. */
export { readSelectionValues, type SelectionValues } from "./selection";
export { gradeSelection, gradeCell, type GradedCell, type SelectionGrades } from "./grading";
export { fromExcelValue, fromExcelValues } from "./values";
