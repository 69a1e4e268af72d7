// The empty Update Log tab, created the first time a meeting records an update: title block and header.

import { OWNED_TAB_NAMES, type OwnedTab } from "../model/owned-tab";
import { TabBuilder, type TabHeading } from "../summary/tab-builder";
import { UPDATE_LOG_HEADER } from "./record";

/** Where the header row sits in the tab built here (0-based), so appends know the table starts below it. */
export const UPDATE_LOG_HEADER_ROW = 3;

/** The Update Log tab with no entries yet; rows are appended below the header, one per update. */
export function buildUpdateLogTab(heading: Omit<TabHeading, "title">): OwnedTab {
  const tab = new TabBuilder(
    OWNED_TAB_NAMES["update-log"],
    "update-log",
    { ...heading, title: "Update Log" },
    [12, 12, 20, 60, 10, 7, 11, 18, 40],
  );
  tab.header([...UPDATE_LOG_HEADER]);
  tab.dateColumns([0]);
  return tab.build();
}
