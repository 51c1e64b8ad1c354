// Shutdown helper: once the app is closing, every answer carries `Connection: close`. Without
// it, a keep-alive socket whose request finished during shutdown stays open (browsers keep
// them ~60 s), and fastify.close() would wait for it until the grace period forces an exit.
import type { FastifyInstance } from "fastify";

export function closeConnectionsWhenClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (_request, reply) => {
    if (closing) reply.header("connection", "close");
  });
}
