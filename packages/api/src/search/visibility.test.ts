// post.search never finds what post.byId would not return: drafts, pending, scheduled,
// unpublished and deleted posts stay out whoever asks, and a change shows at once.
import { expect, it } from "vitest";
import { describeEachDialect, freshApp, type TestApp } from "../test-support/harness.js";

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();

async function found(app: TestApp, q: string, token?: string): Promise<number[]> {
  const call = await app.http("post.search", { q }, token ? { token } : {});
  expect(call.status).toBe(200);
  return (call.data as { items: { id: number }[] }).items.map((hit) => hit.id);
}

describeEachDialect("post.search visibility", (dialect) => {
  it("never finds drafts, pending, scheduled, unpublished or deleted posts, whoever asks", async () => {
    const app = await freshApp(dialect);
    // The owner, who may see every post elsewhere: a public procedure ignores the token.
    const owner = await app.signUp("owner");
    const words = { content: "A meadow at dawn." };
    const create = owner.as.post.create;
    const live = await create({ title: "Live", ...words });
    await create({ title: "Draft", ...words, status: "draft" });
    await create({ title: "Pending", ...words, status: "pending" });
    await create({ title: "Scheduled", ...words, publishAt: inAWeek() });
    const unpublished = await create({ title: "Unpublished", ...words });
    await owner.as.post.unpublish({ id: unpublished.id });
    const deleted = await create({ title: "Deleted", ...words });
    await owner.as.post.delete({ id: deleted.id });

    expect(await found(app, "meadow")).toEqual([live.id]);
    expect(await found(app, "meadow", owner.token)).toEqual([live.id]);
    for (const title of ["draft", "pending", "scheduled", "unpublished", "deleted"]) {
      expect(await found(app, title, owner.token)).toEqual([]);
    }
  });

  it("finds a post as soon as it is published and loses it as soon as it is unpublished", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const draft = await alice.as.post.create({
      title: "Compass",
      content: "Brass and glass.",
      status: "draft",
    });
    await alice.as.post.update({ id: draft.id, content: "Brass, glass and a needle." });
    expect(await found(app, "needle")).toEqual([]);
    await alice.as.post.publish({ id: draft.id });
    expect(await found(app, "needle")).toEqual([draft.id]);
    await alice.as.post.unpublish({ id: draft.id });
    expect(await found(app, "needle")).toEqual([]);
  });

  it("finds a post by its new words, not its old ones, once it is edited", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const post = await alice.as.post.create({ title: "Winter", content: "Snow on the roofs." });
    await alice.as.post.update({ id: post.id, title: "Summer", content: "Heat on the roofs." });
    expect(await found(app, "snow")).toEqual([]);
    expect(await found(app, "winter")).toEqual([]);
    expect(await found(app, "summer heat")).toEqual([post.id]);
  });

  it("finds a scheduled post once its time has come, with nothing run in between", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const post = await alice.as.post.create({
      title: "Soon",
      content: "Orchard.",
      publishAt: inAWeek(),
    });
    expect(await found(app, "orchard")).toEqual([]);
    // Time passes: the stored time is now behind us (what a week of waiting would do).
    const past = new Date(Date.now() - 1000).toISOString();
    await app.db
      .updateTable("posts")
      .set({ published_at: past })
      .where("id", "=", post.id)
      .execute();
    expect(await found(app, "orchard")).toEqual([post.id]);
  });

  it("never finds the posts of a deleted account", async () => {
    const app = await freshApp(dialect);
    await app.addSiteOwner();
    const alice = await app.signUp("alice");
    const bob = await app.signUp("bob");
    await alice.as.post.create({ title: "Harbor", content: "Boats." });
    const kept = await bob.as.post.create({ title: "Harbor", content: "Ships." });
    await alice.as.user.delete({ id: alice.id });
    expect(await found(app, "harbor")).toEqual([kept.id]);
  });
});
