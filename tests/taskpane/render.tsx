// Renders the task pane App with a mock gateway and engine, for the view tests.

import * as React from "react";
import { render } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App, type ViewId } from "../../src/taskpane/App";
import { MockGateway, mockEngine } from "./fixtures";
import type { Report } from "../../src/core/model/report";

/** Renders the App; returns the gateway and engine so tests can assert on calls. */
export function renderApp(opts: { view?: ViewId; report?: Report; gateway?: MockGateway } = {}) {
  const gateway = opts.gateway ?? new MockGateway();
  const engine = mockEngine(opts.report);
  const loadEngine = () => Promise.resolve(engine);
  const utils = render(
    <App gateway={gateway} loadEngine={loadEngine} theme={webLightTheme} initialView={opts.view} />,
  );
  return { ...utils, gateway, engine };
}
