// A steady write load: each user keeps `inFlight` post.create calls going until stopped.
// Records the id of every acknowledged (200) post, and every failure with its kind.
import { mutate } from "../../support/trpc-http.js";

export interface WriteLoad {
  acknowledged: number[];
  failures: { status?: number; error?: string }[];
  /** Stop starting new calls; resolves once every call in flight has ended. */
  stop(): Promise<void>;
}

export function startWriteLoad(base: string, tokens: string[], inFlight = 3): WriteLoad {
  const acknowledged: number[] = [];
  const failures: WriteLoad["failures"] = [];
  let running = true;
  let sequence = 0;
  const worker = async (token: string) => {
    while (running) {
      sequence += 1;
      try {
        const res = await mutate(
          base,
          "post.create",
          { title: `load ${sequence}`, content: "written under load" },
          { token },
        );
        if (res.status === 200) acknowledged.push(res.body.result.data.id);
        else failures.push({ status: res.status });
      } catch (error) {
        failures.push({ error: String((error as Error).cause ?? error) });
        // A refused connection fails at once: do not spin.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  const workers = tokens.flatMap((token) => Array.from({ length: inFlight }, () => worker(token)));
  return {
    acknowledged,
    failures,
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}
