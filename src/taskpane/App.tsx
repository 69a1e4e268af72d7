// The task pane: tabs for the views, the shared error bar and progress, all fed by useWorkbook.

import * as React from "react";
import { FluentProvider, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import type { SelectTabData, Theme } from "@fluentui/react-components";
import type { WorkbookGateway } from "../excel/gateway";
import { useWorkbook, type Engine } from "./hooks/useWorkbook";
import { ErrorBar } from "./components/ErrorBar";
import { ProgressNote } from "./components/ProgressNote";
import { CheckView } from "./views/CheckView";
import { visuallyHidden } from "./styles";

// Summaries and Settings load on first use, keeping the first paint's script small.
const SummariesView = React.lazy(() =>
  import(/* webpackChunkName: "view-summaries" */ "./views/SummariesView").then((m) => ({
    default: m.SummariesView,
  })),
);
const ReviewView = React.lazy(() =>
  import(/* webpackChunkName: "view-review" */ "./views/ReviewView").then((m) => ({ default: m.ReviewView })),
);
const ImportView = React.lazy(() =>
  import(/* webpackChunkName: "view-import" */ "./views/ImportView").then((m) => ({ default: m.ImportView })),
);
const SettingsView = React.lazy(() =>
  import(/* webpackChunkName: "view-settings" */ "./views/SettingsView").then((m) => ({
    default: m.SettingsView,
  })),
);

export type ViewId = "check" | "review" | "import" | "summaries" | "settings";

/**
 * The tabs, in order. The Review (meeting) and Import views arrive in later issues and slot in here,
 * between Check and Summaries: { id: "review", label: "Review" }, { id: "import", label: "Import" }.
 */
const TABS: { id: ViewId; label: string }[] = [
  { id: "check", label: "Check" },
  { id: "review", label: "Review" },
  { id: "import", label: "Import" },
  { id: "summaries", label: "Summaries" },
  { id: "settings", label: "Settings" },
];

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  root: { display: "flex", flexDirection: "column", minWidth: "280px" },
  header: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Five tabs do not fit on one line at 320 px: they wrap rather than push the pane sideways.
  tabs: { flexWrap: "wrap" },
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  srOnly: visuallyHidden,
});

export interface AppProps {
  gateway: WorkbookGateway;
  loadEngine: () => Promise<Engine>;
  theme: Theme;
  /** The view to open first (tests). */
  initialView?: ViewId;
}

/** The whole task pane inside Excel. */
export function App({ gateway, loadEngine, theme, initialView = "check" }: AppProps): React.JSX.Element {
  const s = useStyles();
  const [view, setView] = React.useState<ViewId>(initialView);
  const [state, actions] = useWorkbook(gateway, loadEngine);
  const onTab = React.useCallback((_: unknown, d: SelectTabData) => setView(d.value as ViewId), []);
  const label = TABS.find((t) => t.id === view)?.label ?? "";

  return (
    <FluentProvider theme={theme} className={s.provider}>
      <div className={s.root}>
        <header className={s.header}>
          <TabList
            className={s.tabs}
            selectedValue={view}
            onTabSelect={onTab}
            size="medium"
            aria-label="Risk Review views"
          >
            {TABS.map((t) => (
              <Tab key={t.id} value={t.id}>
                {t.label}
              </Tab>
            ))}
          </TabList>
        </header>
        <main className={s.main} aria-label={label} aria-busy={state.busy !== null}>
          <h1 className={s.srOnly}>Risk Review: {label}</h1>
          <ErrorBar message={state.error} onDismiss={actions.dismissError} />
          <ErrorBar message={state.notice} onDismiss={actions.dismissNotice} intent="warning" />
          <ProgressNote progress={state.progress} />
          <div className={s.srOnly} role="status" aria-live="polite">
            {state.status}
          </div>
          <React.Suspense fallback={<ProgressNote progress={{ label: "Opening…" }} />}>
            {view === "check" ? <CheckView state={state} actions={actions} /> : null}
            {view === "review" ? <ReviewView state={state} actions={actions} gateway={gateway} /> : null}
            {view === "import" ? <ImportView state={state} actions={actions} gateway={gateway} /> : null}
            {view === "summaries" ? <SummariesView state={state} actions={actions} /> : null}
            {view === "settings" ? <SettingsView state={state} actions={actions} /> : null}
          </React.Suspense>
        </main>
      </div>
    </FluentProvider>
  );
}
