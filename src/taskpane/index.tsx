// Task pane entry: works out where it is running, then shows the add-in (in Excel) or the explanation page.

import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { detectHost } from "./host";
import { fluentTheme, pickTheme } from "./theme";
import { OutsideOffice } from "./views/OutsideOffice";

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  const host = await detectHost();
  const themeName = pickTheme(window.location.search, host.kind === "excel" ? host.bodyBackground : null);
  const theme = fluentTheme(themeName);
  document.documentElement.style.colorScheme = themeName;

  if (host.kind === "outside") {
    root.render(
      <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
        <OutsideOffice reason={host.reason} />
      </FluentProvider>,
    );
    return;
  }
  // The Office adapter and the app load only inside Excel, so the explanation page stays light.
  const [{ createOfficeGateway }, { App }] = await Promise.all([
    import(/* webpackChunkName: "excel" */ "../excel/office-gateway"),
    import(/* webpackChunkName: "app" */ "./App"),
  ]);
  const loadEngine = () => import(/* webpackChunkName: "engine" */ "./engine");
  root.render(<App gateway={createOfficeGateway()} loadEngine={loadEngine} theme={theme} />);
}

void main();
