// jsdom lacks TextEncoder / TextDecoder, which the workbook file readers create when their modules load;
// Node's are the same API. Imported first by settings-review.test.tsx, before any file reader.

import * as util from "util";

Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });
