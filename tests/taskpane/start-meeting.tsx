// Opening the task pane's Review view over an installed fake host, checking the workbook and starting a
// meeting, as the meeting tests all begin.

import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import * as engine from "../../src/taskpane/engine";
import { createOfficeGateway } from "../../src/excel/office-gateway";

/** The views the pane can open on. */
type View = "check" | "review" | "import";

/**
 * Renders the task pane on the real Office adapter over the installed fake host, with the real engine,
 * opened on `view`: as every test of the pane on the fake host begins.
 */
export function renderPane(view: View) {
  const user = userEvent.setup({ delay: null });
  const rendered = render(
    <App
      gateway={createOfficeGateway()}
      loadEngine={() => Promise.resolve(engine)}
      theme={webLightTheme}
      initialView={view}
    />,
  );
  return { user, ...rendered };
}

/** Opens the task pane over the installed host, checks the workbook and starts a meeting (dated `meetingDate`, ISO, when given). */
export async function openPaneAndStart(queueLength: number, meetingDate?: string) {
  const { user, unmount } = renderPane("review");
  const check = await screen.findByRole("button", { name: "Check the workbook" });
  await waitFor(() => expect(check).toBeEnabled());
  await user.click(check);
  const name = await screen.findByRole("textbox", { name: /Your name/ });
  await user.clear(name);
  await user.type(name, "Jane Smith");
  if (meetingDate)
    fireEvent.change(screen.getByLabelText(/Meeting date/), { target: { value: meetingDate } });
  await user.click(screen.getByRole("button", { name: "Start meeting" }));
  await screen.findByText(`Risk 1 of ${queueLength}`);
  return { user, unmount };
}
