// writeFileAtomic and isSameFile: a failed write leaves nothing behind; the input is recognised however it is named.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliError } from "../../src/cli/cli-error";
import { isSameFile, writeFileAtomic } from "../../src/cli/write-file-atomic";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "crr-atomic-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it("writes the bytes and leaves no temporary file", async () => {
  const target = path.join(dir, "review.xlsx");
  await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
  expect([...fs.readFileSync(target)]).toEqual([1, 2, 3]);
  expect(fs.readdirSync(dir)).toEqual(["review.xlsx"]);
});

it("replaces an existing output file whole", async () => {
  const target = path.join(dir, "review.xlsx");
  fs.writeFileSync(target, "old contents that are longer than the new ones");
  await writeFileAtomic(target, new Uint8Array([9]));
  expect([...fs.readFileSync(target)]).toEqual([9]);
});

it("throws a plain CliError when the folder does not exist, and creates nothing", async () => {
  const target = path.join(dir, "nope", "review.xlsx");
  await expect(writeFileAtomic(target, new Uint8Array([1]))).rejects.toThrow(CliError);
  await expect(writeFileAtomic(target, new Uint8Array([1]))).rejects.toThrow(
    /could not write ".*review\.xlsx": no such file or folder/,
  );
  expect(fs.readdirSync(dir)).toEqual([]);
});

it("leaves the old file as it was when the rename fails (target is a folder)", async () => {
  const target = path.join(dir, "review.xlsx");
  fs.mkdirSync(target);
  fs.writeFileSync(path.join(target, "keep"), "x");
  await expect(writeFileAtomic(target, new Uint8Array([1]))).rejects.toThrow(CliError);
  expect(fs.readdirSync(dir)).toEqual(["review.xlsx"]);
  expect(fs.readFileSync(path.join(target, "keep"), "utf8")).toBe("x");
});

describe("isSameFile", () => {
  it.each([
    ["the same path", (a: string) => a, true],
    [
      "a path with . and ..",
      (a: string) => path.join(path.dirname(a), "x", "..", ".", path.basename(a)),
      true,
    ],
    [
      "a symbolic link to it",
      (a: string) => {
        const link = path.join(path.dirname(a), "link.xlsx");
        fs.symlinkSync(a, link);
        return link;
      },
      true,
    ],
    [
      "a hard link to it",
      (a: string) => {
        const link = path.join(path.dirname(a), "hard.xlsx");
        fs.linkSync(a, link);
        return link;
      },
      true,
    ],
    [
      "another existing file",
      (a: string) => {
        const other = path.join(path.dirname(a), "other.xlsx");
        fs.writeFileSync(other, "y");
        return other;
      },
      false,
    ],
    ["a file that does not exist", (a: string) => path.join(path.dirname(a), "new.xlsx"), false],
  ])("%s → %s", (_name, other, expected) => {
    const input = path.join(dir, "input.xlsx");
    fs.writeFileSync(input, "x");
    expect(isSameFile(other(input), input)).toBe(expected);
  });
});
