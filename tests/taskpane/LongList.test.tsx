/** @jest-environment jsdom */
// The long list: its first rows and "Show all n", only rows near the window drawn past a few dozen, each
// row's place in the list for screen readers, and the focused row kept drawn while the window moves.

import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { LongList, WINDOW_FROM } from "../../src/taskpane/components/LongList";

const ITEMS = Array.from({ length: 1000 }, (_, i) => `Item ${i + 1}`);

function renderList(props: { items?: string[]; collapsedRows?: number }) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LongList
        items={props.items ?? ITEMS}
        itemKey={(x) => x}
        renderItem={(x) => <button type="button">{x}</button>}
        estimatedRowHeight={40}
        collapsedRows={props.collapsedRows}
        toggleContext="test items"
        aria-label="Things"
      />
    </FluentProvider>,
  );
}

const rows = () => within(screen.getByRole("list", { name: "Things" })).getAllByRole("listitem");

// Fluent UI in jsdom is slow on a busy 2-core machine; the default 5 s is too tight.
jest.setTimeout(30000);

// jsdom has no layout: every row keeps its estimated 40 px and the window is jsdom's 1024 × 768.
describe("LongList", () => {
  it("draws a short list whole, with no button", () => {
    renderList({ items: ITEMS.slice(0, 7), collapsedRows: 5 });
    expect(rows()).toHaveLength(7);
    expect(screen.queryByRole("button", { name: /^Show all/ })).toBeNull();
  });

  it("shows the first rows of a long list, each saying its place in the whole list", () => {
    renderList({ collapsedRows: 5 });
    expect(
      rows().map((r) => [r.textContent, r.getAttribute("aria-posinset"), r.getAttribute("aria-setsize")]),
    ).toEqual([1, 2, 3, 4, 5].map((n) => [`Item ${n}`, String(n), "1000"]));
    const toggle = screen.getByRole("button", { name: "Show all 1,000 test items" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
  });

  it("draws the rows after a focused row at once, so keys faster than scrolling stay in the list", () => {
    renderList({});
    const drawn = rows();
    const last = drawn[drawn.length - 1];
    const lastRow = Number(last.getAttribute("aria-posinset"));
    // No scroll event: only focus moves (as when arrow keys come faster than the page scrolls).
    act(() => within(last).getByRole("button").focus());
    const after = rows().map((r) => Number(r.getAttribute("aria-posinset")));
    expect(after).toContain(lastRow + 1);
    expect(Math.max(...after)).toBeGreaterThanOrEqual(lastRow + 8);
    act(() =>
      within(rows()[rows().length - 1])
        .getByRole("button")
        .focus(),
    );
    expect(Math.max(...rows().map((r) => Number(r.getAttribute("aria-posinset"))))).toBeGreaterThanOrEqual(
      lastRow + 16,
    );
  });

  it("shows all on request, drawing only the rows near the window, and focuses the first one revealed", async () => {
    const user = userEvent.setup({ delay: null });
    renderList({ collapsedRows: 5 });
    await user.click(screen.getByRole("button", { name: "Show all 1,000 test items" }));
    const drawn = rows();
    // 768 px of 40 px rows (20) and the overscan: a few dozen of the thousand.
    expect(drawn.length).toBeGreaterThan(20);
    expect(drawn.length).toBeLessThan(WINDOW_FROM + 10);
    expect(drawn[0]).toHaveAttribute("aria-posinset", "1");
    // The rows not drawn still take their space, so the page scrolls as if they were there.
    const list = screen.getByRole("list", { name: "Things" });
    expect(parseFloat(list.style.paddingBottom)).toBe((1000 - drawn.length) * 40);
    expect(document.activeElement).toHaveTextContent("Item 6");
    const toggle = screen.getByRole("button", { name: "Show the first 5 only test items" });
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    await user.click(toggle);
    expect(rows()).toHaveLength(5);
  });

  it("moves the window with the page's scroll and keeps the focused row and its neighbours drawn", () => {
    renderList({});
    const list = screen.getByRole("list", { name: "Things" });
    act(() => within(list).getByRole("button", { name: "Item 3" }).focus());
    // Scrolled 20,000 px down: the list's top is 20,000 px above the window.
    jest.spyOn(list, "getBoundingClientRect").mockReturnValue({ top: -20000 } as DOMRect);
    act(() => {
      fireEvent.scroll(window);
    });
    const drawn = rows().map((r) => Number(r.getAttribute("aria-posinset")));
    // The focused row and the rows either side of it (so Tab and Shift+Tab step one row), then the window.
    expect(drawn.slice(0, 3)).toEqual([2, 3, 4]);
    expect(drawn[3]).toBeGreaterThan(480);
    expect(drawn[3]).toBeLessThanOrEqual(501);
    expect(drawn).toContain(501);
    expect(document.activeElement).toHaveTextContent("Item 3");
    // The kept rows sit above the window's rows, with the skipped rows' space between them.
    const fourth = rows()[3];
    expect(parseFloat(fourth.style.marginTop)).toBe((drawn[3] - 1 - 4) * 40);
  });
});
