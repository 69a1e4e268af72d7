// check --out over several labelled registers (review 31): the roll-up carries their sensitivity label, the
// most protective by name when they differ, so it is never less protected than a file it draws on.

import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { withSensitivityLabel, type SensitivityLabel } from "../../src/files/xlsx/sensitivity-label";
import { runMain } from "./helpers/main-in-process";
import { tempFolder } from "../helpers/test-files";

jest.setTimeout(120_000);

const SAMPLE = path.join(__dirname, "..", "fixtures", "sample", "contract-risk-sample.xlsx");
const tmp = tempFolder("crr-label-rollup-");

/** A label as Office writes it: enabled, named, for a tenant. */
function label(id: string, name: string): SensitivityLabel {
  const p = `MSIP_Label_${id}`;
  return {
    id,
    name,
    properties: [
      [`${p}_Enabled`, "true"],
      [`${p}_Name`, name],
      [`${p}_SiteId`, "0f9e35db-544f-4f60-bdcc-5ea416e6dc70"],
    ],
  };
}

it("carries the most protective of the files' labels onto the roll-up", async () => {
  const dir = path.join(tmp, "registers");
  fs.mkdirSync(dir);
  const sample = new Uint8Array(fs.readFileSync(SAMPLE));
  const official = label("11111111-2222-3333-4444-555555555555", "OFFICIAL");
  const sensitive = label("3de9faa6-9fe1-49b3-9a08-227a296b54a6", "OFFICIAL-SENSITIVE");
  fs.writeFileSync(path.join(dir, "Corporate.xlsx"), withSensitivityLabel(sample, official));
  fs.writeFileSync(path.join(dir, "Highways.xlsx"), withSensitivityLabel(sample, sensitive));
  const out = path.join(tmp, "roll-up.xlsx");
  const run = await runMain(["check", dir, "--as-at", "2022-10-10", "--out", out]);
  expect([run.status, run.stderr]).toEqual([1, ""]);
  const custom = new TextDecoder().decode(
    unzipSync(new Uint8Array(fs.readFileSync(out)))["docProps/custom.xml"],
  );
  expect(custom).toContain(`name="MSIP_Label_${sensitive.id}_Name"><vt:lpwstr>OFFICIAL-SENSITIVE<`);
  expect(custom).not.toContain(official.id);
});
