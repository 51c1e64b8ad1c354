// Without SMTP_URL (the embedded default) each message is an .eml file in MAIL_DIR (default:
// `mail` beside the database, data/mail): a newcomer opens it and follows the link.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { expect, it } from "vitest";
import { spawnServer } from "./support/spawn-server.js";
import { mutate, query, register } from "./support/trpc-http.js";

it("writes the confirmation mail as an .eml file whose link confirms the address", async () => {
  // MAIL_DIR unset (spawnServer sets one otherwise): the default, `mail` beside the database.
  const server = await spawnServer({
    env: { PUBLIC_URL: "http://localhost:3000", MAIL_DIR: undefined },
  });
  try {
    const start = server.logEntries().find((entry) => String(entry.msg).startsWith("mail goes to"));
    const mailDir = join(server.dataDir, "mail");
    expect(start?.mailTransport).toBe(`.eml files in ${mailDir}`);
    const user = await register(server.url, "newcomer");
    let files: string[] = [];
    for (let i = 0; i < 100 && files.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (!existsSync(mailDir)) continue;
      files = readdirSync(mailDir, { withFileTypes: true })
        .filter((f) => f.name.endsWith(".eml"))
        .map((f) => f.name);
    }
    expect(files).toHaveLength(1);
    const parsed = await simpleParser(readFileSync(join(mailDir, files[0] ?? "")));
    expect(parsed.subject).toBe("Confirm your email address for Folio");
    const link = (parsed.text ?? "")
      .split("\n")
      .find((line) => line.startsWith("http://localhost:3000/verify-email#token="));
    expect(link).toBeDefined();
    const token = new URL(link ?? "").hash.slice("#token=".length);
    expect((await mutate(server.url, "auth.verifyEmail", { token })).status).toBe(200);
    const me = await query(server.url, "user.me", undefined, user.accessToken);
    expect(me.body.result.data.emailVerified).toBe(true);
  } finally {
    await server.stop();
  }
});
