/** @jest-environment jsdom */
// Outside Excel the page explains what it is and how to sideload it.

import * as React from "react";
import { render, screen } from "@testing-library/react";
import "@testing-library/jest-dom";
import { OutsideOffice } from "../../src/taskpane/views/OutsideOffice";

describe("OutsideOffice", () => {
  it.each([
    ["no-office-js", /office\.js\) could not be loaded/],
    ["not-excel", /opened outside Excel/],
    ["timeout", /did not answer in time/],
  ] as const)("explains the add-in and why it is not running (%s)", (reason, why) => {
    render(<OutsideOffice reason={reason} />);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Contract Risk Review");
    expect(screen.getByRole("status")).toHaveTextContent(why);
    expect(screen.getByRole("link", { name: "manifest.xml" })).toHaveAttribute("href", "manifest.xml");
    expect(screen.getByText(/Upload My Add-in/)).toBeInTheDocument();
  });
});
