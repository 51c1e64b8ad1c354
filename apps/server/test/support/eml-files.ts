// Reading what a server mailed as .eml files (no SMTP_URL): the parsed messages in a folder, and
// waiting until some arrive.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type ParsedMail, simpleParser } from "mailparser";

export interface EmlMessage {
  file: string;
  to: string;
  subject: string;
  text: string;
}

export async function readEmlFiles(dir: string): Promise<EmlMessage[]> {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((name) => name.endsWith(".eml"));
  return Promise.all(
    names.map(async (file) => {
      const parsed: ParsedMail = await simpleParser(readFileSync(join(dir, file)));
      const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
      return {
        file,
        to: to?.value[0]?.address ?? "",
        subject: parsed.subject ?? "",
        text: parsed.text ?? "",
      };
    }),
  );
}

/** Polls `dirs` until `done(messages)` holds; the messages then (throws after `timeoutMs`). */
export async function waitForEml(
  dirs: string[],
  done: (messages: EmlMessage[]) => boolean,
  timeoutMs = 30_000,
): Promise<EmlMessage[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = (await Promise.all(dirs.map(readEmlFiles))).flat();
    if (done(messages)) return messages;
    if (Date.now() > deadline) {
      throw new Error(`mail did not arrive in time; got ${messages.map((m) => m.subject)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
