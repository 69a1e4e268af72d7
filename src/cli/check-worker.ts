// Worker-thread entry of `risk-review check` over many files: checks each file the pool sends, one at a
// time, and posts back the compact result (the file's grids stay in this thread and are dropped).

import { parentPort } from "worker_threads";
import { checkFile, type FileJob } from "./check-file";

const port = parentPort;
if (port) {
  port.on("message", (job: FileJob) => {
    void checkFile(job).then((result) => port.postMessage(result));
  });
}
