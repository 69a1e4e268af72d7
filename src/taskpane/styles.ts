// Style rules more than one part of the task pane uses; each part still calls makeStyles at module scope.

import type { GriffelStyle } from "@fluentui/react-components";

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
