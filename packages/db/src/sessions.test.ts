// Session queries on both databases: liveness, ownership in the WHERE clause, the sweep.
import { expect, it } from "vitest";
import {
  deleteAllSessions,
  deleteExpiredSessions,
  deleteOtherSessions,
  deleteSession,
  findUserBySession,
  insertSession,
  listLiveSessions,
  touchSession,
} from "./sessions.js";
import { insertUserRow } from "./test-support/rows.js";
import { describeEachDialect, openTestDb } from "./test-support/test-db.js";

const T0 = "2026-12-01T10:00:00.000Z";
const LATER = "2026-12-02T10:00:00.000Z";
const NOW = "2026-12-01T12:00:00.000Z";

function session(id: string, userId: number, expiresAt = LATER) {
  return { id, userId, userAgent: "test", createdAt: T0, lastSeenAt: T0, expiresAt };
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

describeEachDialect("session queries", (dialect) => {
  it("find the user of a live session only, and only for its own user", async () => {
    const { db } = await openTestDb(dialect);
    const alice = await insertUserRow(db, "alice");
    const bob = await insertUserRow(db, "bob");
    await insertSession(db, session("s-alice", alice.id));
    await insertSession(db, session("s-old", alice.id, "2026-12-01T11:00:00.000Z"));
    const found = await findUserBySession(db, "s-alice", alice.id, NOW);
    expect(found).toMatchObject({ id: alice.id, username: "alice" });
    expect(new Date(found?.session_last_seen_at ?? "").toISOString()).toBe(T0);
    expect(await findUserBySession(db, "s-alice", bob.id, NOW)).toBeUndefined();
    expect(await findUserBySession(db, "s-old", alice.id, NOW)).toBeUndefined();
    expect(await findUserBySession(db, "s-none", alice.id, NOW)).toBeUndefined();
  });

  it("touch a session once per minute value, however often asked", async () => {
    const { db } = await openTestDb(dialect);
    const alice = await insertUserRow(db, "alice");
    await insertSession(db, session("s1", alice.id));
    const minute = "2026-12-01T11:59:00.000Z";
    expect(await touchSession(db, "s1", minute)).toBe(true);
    expect(await touchSession(db, "s1", minute)).toBe(false);
    const [row] = await listLiveSessions(db, alice.id, NOW);
    expect(new Date(row?.last_seen_at ?? "").toISOString()).toBe(minute);
  });

  it("end one, the others, or all sessions of a user, never another user's", async () => {
    const { db } = await openTestDb(dialect);
    const alice = await insertUserRow(db, "alice");
    const bob = await insertUserRow(db, "bob");
    for (const id of ["a1", "a2", "a3"]) await insertSession(db, session(id, alice.id));
    await insertSession(db, session("b1", bob.id));
    expect(await deleteSession(db, alice.id, "b1")).toBeUndefined();
    expect(await deleteSession(db, alice.id, "a1")).toMatchObject({ id: "a1", user_id: alice.id });
    expect(await deleteOtherSessions(db, alice.id, "a2")).toBe(1);
    expect(ids(await listLiveSessions(db, alice.id, NOW))).toEqual(["a2"]);
    expect(await deleteAllSessions(db, alice.id)).toBe(1);
    expect(ids(await listLiveSessions(db, alice.id, NOW))).toEqual([]);
    expect(ids(await listLiveSessions(db, bob.id, NOW))).toEqual(["b1"]);
  });

  it("list sessions most recently seen first", async () => {
    const { db } = await openTestDb(dialect);
    const alice = await insertUserRow(db, "alice");
    for (const id of ["x", "y", "z"]) await insertSession(db, session(id, alice.id));
    await touchSession(db, "y", "2026-12-01T11:00:00.000Z");
    await touchSession(db, "z", "2026-12-01T11:30:00.000Z");
    const listed = await listLiveSessions(db, alice.id, NOW);
    expect(listed.map((row) => row.id)).toEqual(["z", "y", "x"]);
  });

  it("sweep expired sessions only, and go with their user (ON DELETE CASCADE)", async () => {
    const { db } = await openTestDb(dialect);
    const alice = await insertUserRow(db, "alice");
    const bob = await insertUserRow(db, "bob");
    await insertSession(db, session("gone", alice.id, "2026-12-01T11:00:00.000Z"));
    await insertSession(db, session("live", alice.id));
    await insertSession(db, session("bobs", bob.id));
    expect(await deleteExpiredSessions(db, NOW)).toBe(1);
    expect(ids(await db.selectFrom("sessions").select("id").execute())).toEqual(["bobs", "live"]);
    await db.deleteFrom("users").where("id", "=", bob.id).execute();
    expect(ids(await db.selectFrom("sessions").select("id").execute())).toEqual(["live"]);
  });
});
