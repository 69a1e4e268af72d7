// jsdom lacks TextEncoder / TextDecoder, which the workbook file readers create when their modules load;
// Node's are the same API. Imported first by the tests that need it (settings-review, import-table-preview),
// before any file reader.

import * as util from "util";

Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });
