// Turns Office.js errors into PlainErrors an officer can act on; the one place error codes are named.

import { PlainError } from "./gateway";
import { listWords } from "../core/list-words";

/** Codes the adapter handles by name (OfficeExtension.Error.code). */
export const ErrorCode = {
  cellEditMode: "InvalidOperationInCellEditMode",
  itemNotFound: "ItemNotFound",
  requestTooLarge: "RequestPayloadSizeLimitExceeded",
  responseTooLarge: "ResponsePayloadSizeLimitExceeded",
  general: "GeneralException",
  accessDenied: "AccessDenied",
  itemAlreadyExists: "ItemAlreadyExists",
  apiNotFound: "ApiNotFound",
} as const;

/** The `code` of an Office.js error (or of any error carrying one), else null. */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string") return code;
  }
  return null;
}

/** True for the two errors Excel on the web raises when a batch or its answer is over about 5 MB. */
export function isPayloadError(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code === ErrorCode.requestTooLarge || code === ErrorCode.responseTooLarge;
}

const MESSAGES: Record<string, string> = {
  [ErrorCode.cellEditMode]: "Excel is busy editing a cell: press Enter or Esc, then try again.",
  [ErrorCode.itemNotFound]:
    "A sheet the add-in needed is no longer in the workbook (it may have been renamed or deleted). Check again, then retry.",
  [ErrorCode.requestTooLarge]:
    "The workbook is too large for Excel to take in one step, even in small pieces. Try again, or run the command line on the saved file.",
  [ErrorCode.responseTooLarge]:
    "The sheet is too large for Excel to hand over, even in small pieces. Try again, or run the command line on the saved file.",
  [ErrorCode.general]:
    "Excel reported an internal error. Save your work and try again; if it keeps happening, close and reopen the workbook.",
  [ErrorCode.accessDenied]:
    "The workbook or sheet is protected, so the add-in cannot change it. Unprotect it, then try again.",
  [ErrorCode.itemAlreadyExists]: "A sheet with that name already exists. Rename it, then try again.",
  [ErrorCode.apiNotFound]:
    "This version of Excel lacks a feature the add-in needs. Update Office, or use Excel on the web.",
};

/** `"Register"`, `"A" and "B"`, `"A", "B" and "C"`. */
export function quotedList(items: readonly string[]): string {
  return listWords(items.map((i) => `"${i}"`));
}

/**
 * What to tell the officer when sheets the add-in must write are protected: names them, says what did not
 * happen (`outcome`) and how to unprotect them. "The sheet "Register" is protected, so nothing was
 * imported. Unprotect it (Review > Unprotect Sheet), then import again."
 */
export function protectedSheetsMessage(
  sheets: readonly string[],
  outcome = "nothing was imported",
  retry = "import again",
): string {
  const one = sheets.length === 1;
  return `The ${one ? "sheet" : "sheets"} ${quotedList(sheets)} ${one ? "is" : "are"} protected, so ${outcome}. Unprotect ${one ? "it" : "them"} (Review > Unprotect Sheet), then ${retry}.`;
}

/**
 * The error as a PlainError. `doing` names the action ("reading the workbook") so an unknown error
 * still says what failed. A PlainError passes through unchanged.
 */
export function toPlainError(error: unknown, doing: string): PlainError {
  if (error instanceof PlainError) return error;
  const code = officeErrorCode(error);
  if (code && MESSAGES[code]) return new PlainError(MESSAGES[code], code);
  const detail = error instanceof Error ? error.message : String(error);
  return new PlainError(
    `Excel could not finish ${doing}${code ? ` (${code})` : ""}: ${detail}`,
    code ?? undefined,
  );
}
