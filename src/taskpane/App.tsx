// The task pane: tabs for the views, the shared error bar and progress, all fed by useWorkbook. A view is
// built the first time it is opened and then only hidden, so switching back finds it as it was left
// (filters, an expanded group, an import half done) without building a long list again.

import * as React from "react";
import { FluentProvider, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import type { SelectTabData, Theme } from "@fluentui/react-components";
import type { WorkbookGateway } from "../excel/gateway";
import { useWorkbook, type Engine } from "./hooks/useWorkbook";
import { ErrorBar } from "./components/ErrorBar";
import { ProgressNote } from "./components/ProgressNote";
import { StatusRegion } from "./components/StatusRegion";
import { CheckView } from "./views/CheckView";
import { visuallyHidden } from "./styles";

// Summaries and Settings load on first use, keeping the first paint's script small. Each view is memoised:
// a tab switch re-renders none of them, and a hidden one only when the workbook state it shows changes.
const SummariesView = React.memo(
  React.lazy(() =>
    import(/* webpackChunkName: "view-summaries" */ "./views/SummariesView").then((m) => ({
      default: m.SummariesView,
    })),
  ),
);
const ReviewView = React.memo(
  React.lazy(() =>
    import(/* webpackChunkName: "view-review" */ "./views/ReviewView").then((m) => ({
      default: m.ReviewView,
    })),
  ),
);
const ImportView = React.memo(
  React.lazy(() =>
    import(/* webpackChunkName: "view-import" */ "./views/ImportView").then((m) => ({
      default: m.ImportView,
    })),
  ),
);
const SettingsView = React.memo(
  React.lazy(() =>
    import(/* webpackChunkName: "view-settings" */ "./views/SettingsView").then((m) => ({
      default: m.SettingsView,
    })),
  ),
);
const CheckViewMemo = React.memo(CheckView);

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
  // The views opened so far, in the order of TABS: each stays mounted (hidden) once opened.
  const [opened, setOpened] = React.useState<ReadonlySet<ViewId>>(() => new Set([initialView]));
  const [state, actions] = useWorkbook(gateway, loadEngine);
  const onTab = React.useCallback((_: unknown, d: SelectTabData) => {
    const next = d.value as ViewId;
    setView(next);
    setOpened((o) => (o.has(next) ? o : new Set(o).add(next)));
  }, []);
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
          <StatusRegion message={state.status} seq={state.statusSeq} />
          {TABS.filter((t) => opened.has(t.id)).map((t) => (
            // `hidden` (display: none, so no class may set display here) takes it out of layout and of the
            // accessibility tree.
            <div key={t.id} hidden={t.id !== view}>
              <React.Suspense fallback={<ProgressNote progress={{ label: "Opening…" }} />}>
                {t.id === "check" ? <CheckViewMemo state={state} actions={actions} /> : null}
                {t.id === "review" ? <ReviewView state={state} actions={actions} gateway={gateway} /> : null}
                {t.id === "import" ? <ImportView state={state} actions={actions} gateway={gateway} /> : null}
                {t.id === "summaries" ? <SummariesView state={state} actions={actions} /> : null}
                {t.id === "settings" ? <SettingsView state={state} actions={actions} /> : null}
              </React.Suspense>
            </div>
          ))}
        </main>
      </div>
    </FluentProvider>
  );
}
