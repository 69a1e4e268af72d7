// An expected failure of the command line (bad file, bad output path): one plain-English line, exit 2.

/** Thrown for failures an officer can fix; main prints the message alone, no stack trace, and exits 2. */
export class CliError extends Error {
  override name = "CliError";
  constructor(message: string) {
    super(message);
    // Keeps `instanceof` working whatever the compile target.
    Object.setPrototypeOf(this, CliError.prototype);
  }
}

/** Turns a Node file-system error into words: "no such file", "permission denied", … */
export function describeFsError(err: unknown): string {
  const code =
    typeof err === "object" && err !== null && "code" in err ? String((err as { code: unknown }).code) : "";
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder, not a file";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "ENOSPC":
      return "the disk is full";
    case "EROFS":
      return "the disk is read-only";
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
