// Style rules more than one part of the task pane uses; each part still calls makeStyles at module scope.

import { tokens, type GriffelStyle } from "@fluentui/react-components";

/**
 * Hidden on screen but read by screen readers (live regions, a heading the tab bar stands in for,
 * words that colour and icons say to sighted users). Use as a makeStyles slot: `srOnly: visuallyHidden`.
 */
export const visuallyHidden: GriffelStyle = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
};

/** A view's or step's heading (its h2). */
export const sectionHeading: GriffelStyle = {
  margin: 0,
  fontSize: tokens.fontSizeBase400,
  fontWeight: tokens.fontWeightSemibold,
};

/** A heading within a section (its h3). */
export const subHeading: GriffelStyle = {
  margin: 0,
  fontSize: tokens.fontSizeBase300,
  fontWeight: tokens.fontWeightSemibold,
};

/** A <dl> of counts laid out as two columns: the label, then its number. */
export const countsGrid: GriffelStyle = {
  margin: 0,
  display: "grid",
  gridTemplateColumns: "auto 1fr",
  columnGap: tokens.spacingHorizontalM,
  rowGap: tokens.spacingVerticalXXS,
};

/** A list without bullets whose items stack with a small gap (rules, tabs, renumbered pairs). */
export const stackedList: GriffelStyle = {
  margin: 0,
  padding: 0,
  listStyleType: "none",
  display: "flex",
  flexDirection: "column",
  rowGap: tokens.spacingVerticalS,
};
