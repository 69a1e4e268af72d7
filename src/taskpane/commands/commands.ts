// The ribbon's function file. The only button opens the task pane (ShowTaskpane needs no code);
// this page exists because the manifest's FunctionFile must name one, and it must call onReady.

const office = (globalThis as { Office?: { onReady?: () => Promise<unknown> } }).Office;
if (office && typeof office.onReady === "function") void office.onReady();

export {};
