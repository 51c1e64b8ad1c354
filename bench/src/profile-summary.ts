// Summarizes a V8 .cpuprofile (from `node --cpu-prof`): where the self time went, by function
// and by package, so a missed target is explained by measurement rather than by a guess.
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  selfMs: number;
  percent: number;
}

/** `fastify`, `@trpc/server`, `node:internal`, `folio/api`… from a frame's script URL. */
function packageOf(url: string): string {
  if (!url) return "(native/gc/idle)";
  if (url.startsWith("node:")) return "node:internal";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules !== -1) {
    const [scope, name] = url.slice(modules + 14).split("/");
    return scope?.startsWith("@") ? `${scope}/${name}` : (scope ?? url);
  }
  const folio = /\/(apps|packages|bench)\/([^/]+)\//.exec(url);
  return folio ? `folio/${folio[2]}` : url;
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf("/node_modules/");
  return modules !== -1 ? url.slice(modules + 14) : url.replace(/^.*\/(apps|packages)\//, "$1/");
}

function top(totals: Map<string, number>, all: number, count: number): ProfileLine[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, micros]) => ({
      name,
      selfMs: Math.round(micros / 1000),
      percent: Math.round((micros / all) * 1000) / 10,
    }));
}

export function summarizeProfile(
  path: string,
  count = 20,
): { functions: ProfileLine[]; packages: ProfileLine[]; totalMs: number } {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === "(idle)") return;
    all += micros;
    const where = frame.url ? ` ${shortUrl(frame.url)}:${frame.lineNumber + 1}` : "";
    const name = `${frame.functionName || "(anonymous)"}${where}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
    const pkg = packageOf(frame.url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + micros);
  });
  return {
    functions: top(functions, all, count),
    packages: top(packages, all, count),
    totalMs: Math.round(all / 1000),
  };
}

export function printProfile(title: string, summary: ReturnType<typeof summarizeProfile>): void {
  console.log(`\n${title}: ${summary.totalMs} ms of busy CPU (idle excluded)`);
  console.log("  by package (self time):");
  for (const line of summary.packages.slice(0, 12)) {
    console.log(`    ${String(line.percent).padStart(5)}%  ${line.name}`);
  }
  console.log("  top functions (self time):");
  for (const line of summary.functions) {
    console.log(`    ${String(line.percent).padStart(5)}%  ${line.name}`);
  }
}
