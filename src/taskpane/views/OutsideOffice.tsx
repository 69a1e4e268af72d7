// What the page shows when opened outside Excel: what the add-in is and how to sideload it.

import * as React from "react";
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import type { HostInfo } from "../host";
import { sectionHeading } from "../styles";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: "40em",
  },
  h1: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  h2: sectionHeading,
  p: { margin: 0 },
  ol: {
    margin: 0,
    paddingInlineStart: "1.5em",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  code: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: "nowrap" },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

const REASONS: Record<Extract<HostInfo, { kind: "outside" }>["reason"], string> = {
  "no-office-js":
    "Office's script (office.js) could not be loaded, so this page cannot talk to Excel. If you are in Excel, check the network connection and reopen the pane.",
  "not-excel": "This page was opened outside Excel, so there is no workbook to check.",
  timeout: "Office did not answer in time. If you are in Excel, close the pane and open it again.",
};

/** The explanation page. */
export function OutsideOffice({
  reason,
}: {
  reason: Extract<HostInfo, { kind: "outside" }>["reason"];
}): React.JSX.Element {
  const s = useStyles();
  return (
    <main className={s.root}>
      <h1 className={s.h1}>Contract Risk Review</h1>
      <p className={s.p}>
        An Excel add-in for the officers who manage the highways contract's risk registers and improvement
        plan. It checks the registers and plan against the rules, writes the board-pack summaries, runs the
        monthly review and imports the contractor's IRIS exports. Your data never leaves the workbook.
      </p>
      <p className={s.note} role="status">
        {REASONS[reason]}
      </p>
      <h2 className={s.h2}>Open it in Excel</h2>
      <p className={s.p}>Sideload the add-in with its manifest file:</p>
      <ol className={s.ol}>
        <li>
          <strong>Excel on the web:</strong> open a workbook, choose Home › Add-ins › More Add-ins, go to the
          My Add-ins tab if the dialog opened on another, choose Upload My Add-in (behind Manage My Add-ins on
          some tenants), and pick <Link href="manifest.xml">manifest.xml</Link>.
        </li>
        <li>
          <strong>Excel for Windows or Mac, as a developer:</strong> in the project folder run{" "}
          <code className={s.code}>npm start</code>: it serves the add-in and opens Excel with it loaded.
        </li>
        <li>
          <strong>For a team:</strong> ask IT to deploy manifest.xml through the Microsoft 365 admin centre
          (Integrated apps), or put it in a shared-folder catalogue (File › Options › Trust Center › Trusted
          Add-in Catalogs).
        </li>
      </ol>
      <p className={s.p}>
        Then choose <strong>Risk Review</strong> on the Home tab.
      </p>
    </main>
  );
}
