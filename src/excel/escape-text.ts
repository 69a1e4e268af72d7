// The formula-safety escape for the adapter: the one shared pair lives in core, so every writer and the
// import's comparison agree on what is escaped.

export { escapeCellText, needsEscape, unescapeCellText } from "../core/model/formula-safety";
