// A severity shown by icon, word and colour together, so colour is never the only signal (WCAG 1.4.1).

import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import type { Severity } from "../../core/model/finding";

const useStyles = makeStyles({
  root: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorStatusWarningForeground3 },
  info: { color: tokens.colorNeutralForeground2 },
  icon: { flexShrink: 0 },
});

const ICONS = { error: ErrorCircle16Filled, warning: Warning16Filled, info: Info16Filled } as const;
export const SEVERITY_WORD: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Note" };

export interface SeverityLabelProps {
  severity: Severity;
  /** Text after the icon; defaults to the severity's word. */
  children?: React.ReactNode;
  className?: string;
}

/** Icon plus text in the severity's colour. */
export function SeverityLabel({ severity, children, className }: SeverityLabelProps): React.JSX.Element {
  const s = useStyles();
  const Icon = ICONS[severity];
  return (
    <span className={mergeClasses(s.root, s[severity], className)}>
      <Icon className={s.icon} aria-hidden />
      <span>{children ?? SEVERITY_WORD[severity]}</span>
    </span>
  );
}
