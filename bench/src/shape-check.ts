// A ceiling only means something if it does the same work: before measuring, every read
// workload is asked of both servers once and the JSON answers must be identical.
import { isDeepStrictEqual } from "node:util";
import type { Workload } from "./load.js";
import type { WorkloadName } from "./workloads.js";

async function answer(baseUrl: string, workload: Workload): Promise<unknown> {
  const headers = workload.headers as Record<string, string> | undefined;
  const res = await fetch(baseUrl + workload.path, { headers });
  return { status: res.status, body: await res.json() };
}

/** The names of read workloads whose answers differ between Folio and the other server. */
export async function compareAnswers(
  folioUrl: string,
  otherUrl: string,
  all: Record<WorkloadName, Workload>,
): Promise<string[]> {
  const mismatched: string[] = [];
  for (const [name, workload] of Object.entries(all)) {
    if (workload.method === "POST") continue; // creates differ by id and time by design
    const [folio, other] = await Promise.all([
      answer(folioUrl, workload),
      answer(otherUrl, workload),
    ]);
    if (!isDeepStrictEqual(folio, other)) {
      mismatched.push(name);
      console.warn(
        `  ! ${name}: Folio and ${otherUrl} answer differently\n    folio: ${JSON.stringify(folio).slice(0, 300)}\n    other: ${JSON.stringify(other).slice(0, 300)}`,
      );
    }
  }
  return mismatched;
}
