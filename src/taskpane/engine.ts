// The engine functions the task pane calls, gathered so they load as one lazy chunk after first paint.

export { checkWorkbook } from "../core/check";
export { buildSummaryTabs } from "../core/summary";
