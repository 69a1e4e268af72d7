import { parseRagWord, ragFromScore, ragWordLike } from "../../../src/core/parse";
import type { Rag } from "../../../src/core/model/owned-tab";
import { defaultSettings } from "../../../src/core/model/settings";

const bands = defaultSettings().rag;

describe("ragFromScore", () => {
  it.each<[number, Rag]>([
    [1, "green"],
    [4, "green"],
    [5, "amber"],
    [12, "amber"],
    [13, "red"],
    [15, "red"],
    [25, "red"],
    [0, "green"],
  ])("%d is %s", (score, rag) => expect(ragFromScore(score, bands)).toBe(rag));

  it("follows the bands in settings", () => {
    expect(ragFromScore(6, { greenMax: 6, amberMax: 14 })).toBe("green");
    expect(ragFromScore(15, { greenMax: 6, amberMax: 14 })).toBe("red");
  });
});

describe("parseRagWord", () => {
  it.each<[string, Rag]>([
    ["Red", "red"],
    ["RED", "red"],
    ["R", "red"],
    ["Very High", "red"],
    ["very  high", "red"],
    ["High", "red"],
    ["Amber", "amber"],
    ["A", "amber"],
    ["Medium", "amber"],
    ["Amber (12)", "amber"],
    ["Green", "green"],
    ["g", "green"],
    ["Low", "green"],
    ["Very Low", "green"],
    [" Green. ", "green"],
    ["Red 16", "red"],
    // A risk matrix's cells: the word, then the cell's score on a line of its own (the CDDO template).
    ["Medium\n10", "amber"],
    ["High \n20", "red"],
    ["V. Low\n3", "green"],
    ["V Low", "green"],
    ["V High", "red"],
  ])("%j is %s", (text, rag) => {
    expect(parseRagWord(text)).toEqual({ ok: true, value: rag });
  });

  it.each<[string, RegExp]>([
    ["", /blank/],
    ["Amber/Red", /not a RAG word/],
    ["Blue", /not a RAG word/],
    ["12", /not a RAG word/],
    ["Very", /not a RAG word/],
    ["Highish", /not a RAG word/],
  ])("%j fails (%s)", (text, reason) => {
    const r = parseRagWord(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe("ragWordLike: a RAG written in the register's own words", () => {
  it.each<[Rag, string, string]>([
    ["red", "Amber", "Red"],
    ["red", "", "Red"],
    ["red", "Low", "High"],
    ["amber", "Very High", "Medium"],
    ["green", "MEDIUM", "LOW"],
    ["green", "medium", "low"],
    ["red", "M", "H"],
    ["amber", "g", "A"],
    ["green", "AMBER", "GREEN"],
    ["red", "V. Low", "High"],
  ])("%s like %j is %j", (rag, like, word) => expect(ragWordLike(rag, like)).toBe(word));
});
