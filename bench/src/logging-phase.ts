// What request logging costs: the feed with LOG_LEVEL=info (one JSON line per request, written
// to a file as in production) against LOG_LEVEL=silent, alternating, on the same database.
import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { pair } from "./compare.js";
import { dataDir } from "./data-cache.js";
import type { LoadSettings } from "./load.js";
import { withServers } from "./phases.js";
import { ratio } from "./report.js";
import type { ServerSpec } from "./server-process.js";
import { query } from "./workloads.js";

type SpecFor = (name: string, dbPath: string, logLevel?: string) => ServerSpec;

export async function loggingPhase(
  specFor: SpecFor,
  dbPath: string,
  settings: LoadSettings & { rounds: number },
) {
  const logFile = join(dataDir, "folio-info.log");
  const logged = { ...specFor("folio LOG_LEVEL=info", dbPath, "info"), stdoutFile: logFile };
  const quiet = specFor("folio LOG_LEVEL=silent", dbPath, "silent");
  const list = { path: query("post.list", { limit: 10 }) };
  try {
    const [info, silent] = await withServers([logged, quiet], ([a, b]) =>
      pair({ server: a, workload: list }, { server: b, workload: list }, settings),
    );
    return {
      rpsInfo: info.rps,
      rpsSilent: silent.rps,
      ratio: ratio(info.rps, silent.rps),
      logBytes: statSync(logFile).size,
    };
  } finally {
    rmSync(logFile, { force: true });
  }
}
