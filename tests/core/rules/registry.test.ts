// Every rule file is registered, named after its id, tested, and matches the README's rule table.

import * as fs from "fs";
import * as path from "path";
import { RULE_IDS } from "../../../src/core/model/rule-ids";
import { renderMessage } from "../../../src/core/rules/render-message";
import { RULES } from "../../../src/core/rules/registry";
import type { Rule } from "../../../src/core/rules/types";
import { documentedRules } from "../../helpers/rule-table";

const REPO_ROOT = path.resolve(__dirname, "../../..");
const RULES_DIR = path.join(REPO_ROOT, "src/core/rules");

/** Rule files: modules in src/core/rules that export `rule`. */
const ruleFiles: { file: string; rule: Rule; source: string }[] = fs
  .readdirSync(RULES_DIR)
  .filter((f) => f.endsWith(".ts"))
  .sort()
  .flatMap((file) => {
    const mod = require(path.join(RULES_DIR, file)) as { rule?: Rule };
    return mod.rule
      ? [{ file, rule: mod.rule, source: fs.readFileSync(path.join(RULES_DIR, file), "utf8") }]
      : [];
  });

/** Rule ids and default severities from the README's rule table (the project's own documentation). */
const specRules = documentedRules;

describe("rule registry", () => {
  it("finds the rule files", () => {
    expect(ruleFiles.length).toBeGreaterThanOrEqual(23);
  });

  it.each(ruleFiles.map((r) => [r.file, r]))(
    "%s is registered, named after its id and tested",
    (file, { rule }) => {
      expect(RULES).toContain(rule);
      expect(`${rule.meta.id.replace("/", "-")}.ts`).toBe(file);
      const testFile = path.join(REPO_ROOT, "tests/core/rules", file.replace(/\.ts$/, ".test.ts"));
      expect([file, fs.existsSync(testFile)]).toEqual([file, true]);
    },
  );

  it("registers nothing but rule files", () => {
    expect(RULES.length).toBe(ruleFiles.length);
  });

  it("lists the same ids as RULE_IDS (read by the Settings sheet to refuse a severity for no rule)", () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual([...RULE_IDS].sort());
  });

  it("has unique ids", () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(ruleFiles.map((r) => [r.rule.meta.id, r]))(
    "%s: every messageId it uses is in meta.messages",
    (_id, { rule, source }) => {
      const used = [...source.matchAll(/messageId:\s*"(\w+)"/g)].map((m) => m[1]);
      expect(used.length).toBeGreaterThan(0);
      for (const id of used)
        expect([id, Object.keys(rule.meta.messages)]).toEqual([id, expect.arrayContaining([id])]);
      // And no message is declared but never used.
      expect(Object.keys(rule.meta.messages).sort()).toEqual([...new Set(used)].sort());
    },
  );

  it.each(ruleFiles.map((r) => [r.rule.meta.id, r]))(
    "%s: every message renders with its data",
    (_id, { rule }) => {
      for (const [messageId, template] of Object.entries(rule.meta.messages)) {
        const keys = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const data = Object.fromEntries(keys.map((k) => [k, `<${k}>`]));
        const text = renderMessage(template, data);
        expect([messageId, text]).not.toEqual([messageId, expect.stringMatching(/\{\w+\}/)]);
        for (const k of keys) expect(text).toContain(`<${k}>`);
        expect(text.trim().length).toBeGreaterThan(10);
      }
      expect(rule.meta.description.length).toBeGreaterThan(10);
    },
  );

  it("has exactly the README's rules, with the README's default severities", () => {
    const spec = specRules();
    expect(spec.size).toBeGreaterThanOrEqual(20);
    expect(RULES.map((r) => r.meta.id).sort()).toEqual([...spec.keys()].sort());
    for (const r of RULES)
      expect([r.meta.id, r.meta.defaultSeverity]).toEqual([r.meta.id, spec.get(r.meta.id)]);
  });
});
