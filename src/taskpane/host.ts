// Finds out where the task pane is running. The one task-pane module that looks at the Office
// global, and only at start-up: every workbook call goes through src/excel's gateway.

/** Where the page is: inside Excel (with Office's theme colour), or somewhere else and why. */
export type HostInfo =
  | { kind: "excel"; bodyBackground: string | null }
  | { kind: "outside"; reason: "no-office-js" | "not-excel" | "timeout" };

interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform?: unknown } | null | undefined>;
  context?: { officeTheme?: { bodyBackgroundColor?: string } | null } | null;
}

/**
 * Waits for Office.onReady and checks it is Excel. Outside Office, onReady resolves with host null and
 * Excel is undefined; when office.js failed to load, Office itself is undefined. All three are handled.
 */
export async function detectHost(
  win: Record<string, unknown> = globalThis as Record<string, unknown>,
  timeoutMs = 8000,
): Promise<HostInfo> {
  const office = win.Office as OfficeLike | undefined;
  if (!office || typeof office.onReady !== "function") return { kind: "outside", reason: "no-office-js" };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  let info: Awaited<ReturnType<OfficeLike["onReady"]>> | "timeout";
  try {
    info = await Promise.race([office.onReady(), timeout]);
  } catch {
    return { kind: "outside", reason: "not-excel" };
  } finally {
    clearTimeout(timer);
  }
  if (info === "timeout") return { kind: "outside", reason: "timeout" };
  if (!info || String(info.host) !== "Excel" || typeof win.Excel === "undefined")
    return { kind: "outside", reason: "not-excel" };
  let bodyBackground: string | null = null;
  try {
    bodyBackground = office.context?.officeTheme?.bodyBackgroundColor ?? null;
  } catch {
    // officeTheme is missing in some hosts (Excel on the web before 2020): fall back to light.
  }
  return { kind: "excel", bodyBackground };
}
