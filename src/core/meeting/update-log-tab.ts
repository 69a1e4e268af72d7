// The empty Update Log tab, created the first time a meeting records an update: title block and header.

import { OWNED_TAB_NAMES, type OwnedTab } from "../model/owned-tab";
import { TabBuilder, type TabHeading } from "../summary/tab-builder";
import { UPDATE_LOG_HEADER } from "./record";

/** Where the header row sits in the tab built here (0-based), so appends know the table starts below it. */
export const UPDATE_LOG_HEADER_ROW = 3;

/**
 * A new tab's columns in SPEC's order (date, register, risk id, by, text, no change, score, strategy,
 * changes). Each update goes under its own header, so a log an earlier version made, with Register and
 * Changes last (UPDATE_LOG_HEADER's order), keeps its columns where they are.
 */
const UPDATE_LOG_TAB_COLUMNS: readonly UpdateLogHeader[] = [
  "Date",
  "Register",
  ...UPDATE_LOG_HEADER.filter((h) => h !== "Date" && h !== "Register"),
];

type UpdateLogHeader = (typeof UPDATE_LOG_HEADER)[number];

const UPDATE_LOG_WIDTHS: Record<UpdateLogHeader, number> = {
  Date: 12,
  Register: 18,
  "Risk ID": 12,
  By: 20,
  Update: 60,
  "No change": 10,
  Score: 7,
  Strategy: 11,
  Changes: 40,
};

/** The Update Log tab with no entries yet; rows are appended below the header, one per update. */
export function buildUpdateLogTab(heading: Omit<TabHeading, "title">): OwnedTab {
  const tab = new TabBuilder(
    OWNED_TAB_NAMES["update-log"],
    "update-log",
    { ...heading, title: "Update Log" },
    UPDATE_LOG_TAB_COLUMNS.map((c) => UPDATE_LOG_WIDTHS[c]),
  );
  tab.header([...UPDATE_LOG_TAB_COLUMNS]);
  tab.dateColumns([0]);
  return tab.build();
}
