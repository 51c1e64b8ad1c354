// `pnpm db:seed`: fills the configured database (DATABASE_URL) with a demo blog. Safe to run
// again: if the demo users exist it says so and adds nothing.
import { hashPassword } from "@folio/api";
import { createDb, findUserByLogin, migrateToLatest } from "@folio/db";
import { ConfigError, loadConfig } from "../config/config.js";
import { DEMO_BODY, DEMO_POSTS, DEMO_UNPUBLISHED, DEMO_USERS } from "./seed/demo-blog.js";
import { seedDemoPictures } from "./seed/demo-pictures.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Posts spread over the last ~half year, oldest first, at varied times of day. */
function postDate(index: number, now: number): string {
  const daysAgo = (DEMO_POSTS.length - index) * 5 + (index % 3);
  return new Date(now - daysAgo * DAY_MS + ((index * 7919) % 600) * 60_000).toISOString();
}

function postContent(index: number, opening: string): string {
  const rest = [DEMO_BODY[index % DEMO_BODY.length], DEMO_BODY[(index + 1) % DEMO_BODY.length]];
  return [opening, ...rest].join("\n\n");
}

async function seed(): Promise<void> {
  const config = loadConfig();
  const { db, dialect, close } = createDb(config.databaseUrl);
  try {
    await migrateToLatest(db, dialect);
    if (await findUserByLogin(db, DEMO_USERS[0].username)) {
      console.log(
        `The demo users (${DEMO_USERS.map((u) => u.username).join(", ")}) already exist; nothing was added.`,
      );
      return;
    }
    const hashes = await Promise.all(DEMO_USERS.map((user) => hashPassword(user.password)));
    const now = Date.now();
    const joined = new Date(now - (DEMO_POSTS.length * 5 + 10) * DAY_MS).toISOString();
    const ids = new Map<string, number>();
    await db.transaction().execute(async (trx) => {
      for (const [i, user] of DEMO_USERS.entries()) {
        const row = await trx
          .insertInto("users")
          .values({
            username: user.username,
            email: user.email,
            password_hash: hashes[i] ?? "",
            image_url: null,
            created_at: joined,
            role: user.role,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        ids.set(user.username, row.id);
      }
      await trx
        .insertInto("posts")
        .values(
          DEMO_POSTS.map(([author, title, opening], index) => ({
            author_id: ids.get(author) ?? 0,
            title,
            content: postContent(index, opening),
            status: "published" as const,
            published_at: postDate(index, now),
            created_at: postDate(index, now),
            updated_at: postDate(index, now),
          })),
        )
        .execute();
      const today = new Date(now).toISOString();
      await trx
        .insertInto("posts")
        .values(
          DEMO_UNPUBLISHED.map(([author, title, opening, state], index) => ({
            author_id: ids.get(author) ?? 0,
            title,
            content: postContent(index, opening),
            status: state === "scheduled" ? ("published" as const) : state,
            published_at: state === "scheduled" ? new Date(now + 3 * DAY_MS).toISOString() : null,
            created_at: today,
            updated_at: today,
          })),
        )
        .execute();
    });
    await seedDemoPictures(
      db,
      DEMO_USERS.map((user) => ({ id: ids.get(user.username) ?? 0, username: user.username })),
    );
    console.log(
      `Seeded ${DEMO_USERS.length} users with pictures, ${DEMO_POSTS.length} published posts, ` +
        `one pending review, one scheduled and one draft (${dialect}).`,
    );
    console.log("Demo logins (username / password, role):");
    for (const user of DEMO_USERS)
      console.log(`  ${user.username} / ${user.password} (${user.role})`);
  } finally {
    await close();
  }
}

seed().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Cannot seed. ${error.message}` : error);
  process.exit(1);
});
