// post.search on both databases: the query language, stemming, ranking, snippets, what is never
// searched (emails, usernames), and queries with nothing to search for.
import { MATCH_END, MATCH_START } from "@folio/db";
import { expect, it } from "vitest";
import type { SearchHit } from "../shared/shapes.js";
import { describeEachDialect, freshApp, type TestApp } from "../test-support/harness.js";
import { expectHttpRefused } from "../test-support/snapshot.js";

type Draft = { title: string; content: string };

/** An app whose one author has published `posts` (oldest first); returns their ids in order. */
async function blog(app: TestApp, posts: Draft[], username = "writer") {
  const author = await app.signUp(username);
  const ids: number[] = [];
  for (const post of posts) ids.push((await author.as.post.create(post)).id);
  return { author, ids };
}

async function search(app: TestApp, q: string): Promise<SearchHit[]> {
  return (await app.caller().post.search({ q, limit: 50 })).items;
}
const idsFor = async (app: TestApp, q: string) => (await search(app, q)).map((hit) => hit.id);
/** Ids in increasing order: "these posts, in any order". */
const sorted = (ids: (number | undefined)[]) => [...ids].sort((a, b) => (a ?? 0) - (b ?? 0));

describeEachDialect("post.search", (dialect) => {
  it("finds posts having every word, in any form the stemmer joins", async () => {
    const app = await freshApp(dialect);
    const { ids } = await blog(app, [
      { title: "Orchard lanterns", content: "We published the guide at dusk." },
      { title: "Orchard notes", content: "Nothing printed yet." },
      { title: "Lantern repair", content: "Publishing soon." },
    ]);
    const [guide, notes, repair] = ids;
    expect(await idsFor(app, "publish orchard")).toEqual([guide]);
    expect(sorted(await idsFor(app, "PUBLISH lantern"))).toEqual([guide, repair]);
    expect(sorted(await idsFor(app, "orchard"))).toEqual([guide, notes]);
    expect(await idsFor(app, "orchard lantern nothing")).toEqual([]);
  });

  it("matches a phrase only with its words in that order", async () => {
    const app = await freshApp(dialect);
    const { ids } = await blog(app, [
      { title: "One", content: "The quiet river runs past the mill." },
      { title: "Two", content: "The river was never quiet." },
    ]);
    const [inOrder, reversed] = ids;
    expect(await idsFor(app, '"quiet river"')).toEqual([inOrder]);
    expect(sorted(await idsFor(app, "quiet river"))).toEqual([inOrder, reversed]);
  });

  it("leaves out posts holding an excluded word or phrase", async () => {
    const app = await freshApp(dialect);
    const { ids } = await blog(app, [
      { title: "One", content: "The quiet river runs past the mill." },
      { title: "Two", content: "The river was never quiet." },
    ]);
    const [inOrder, reversed] = ids;
    expect(await idsFor(app, "river -mills")).toEqual([reversed]);
    expect(await idsFor(app, 'river -"quiet river"')).toEqual([reversed]);
    expect(await idsFor(app, "river -quiet")).toEqual([]);
    expect(await idsFor(app, "river -never")).toEqual([inOrder]);
  });

  it("finds either word with or, both without it", async () => {
    const app = await freshApp(dialect);
    const { ids } = await blog(app, [
      { title: "Compass", content: "A brass compass." },
      { title: "Lantern", content: "An oil lantern." },
      { title: "Both", content: "A compass and a lantern." },
    ]);
    const [compass, lantern, both] = ids;
    expect(sorted(await idsFor(app, "compass or lantern"))).toEqual([compass, lantern, both]);
    expect(await idsFor(app, "compass lantern")).toEqual([both]);
    expect(await idsFor(app, "brass compass or lantern")).toEqual([compass]);
  });

  it("ranks a match in the title above one in the content, and ties newest first", async () => {
    const app = await freshApp(dialect);
    const { ids } = await blog(app, [
      { title: "Notes from the coast", content: "We walked down to the harbor at noon." },
      { title: "Harbor", content: "We walked down to the coast at noon." },
      { title: "Twin", content: "Words about a meadow." },
      { title: "Twin", content: "Words about a meadow." },
    ]);
    const [inContent, inTitle, olderTwin, newerTwin] = ids;
    expect(await idsFor(app, "harbor")).toEqual([inTitle, inContent]);
    expect(await idsFor(app, "meadow")).toEqual([newerTwin, olderTwin]);
  });

  it("reads the backends' own syntax as plain words, never as operators", async () => {
    const app = await freshApp(dialect);
    const { ids } = await blog(app, [
      { title: "Lantern", content: "A lanternfish glows. Nothing else here." },
    ]);
    // A column filter, a prefix and a NEAR group would each find the post if they were syntax.
    expect(await idsFor(app, "title:lantern")).toEqual([]);
    expect(await idsFor(app, "lanternfish*")).toEqual(ids);
    expect(await idsFor(app, "lanternf*")).toEqual([]);
    expect(await idsFor(app, "NEAR(lantern glows)")).toEqual([]);
    expect(await idsFor(app, "lantern & !glows | x:*")).toEqual([]);
  });

  it("gives a plain-text snippet around the first match and the matched words in it", async () => {
    const app = await freshApp(dialect);
    const opening = "Long ago the valley had no roads and nobody wrote anything down at all. ";
    const content = `${opening.repeat(4)}Then someone Published a map.\n\nPublishing took years.`;
    await blog(app, [{ title: "Maps", content }]);
    const [hit] = await search(app, "publish");
    expect(hit?.snippet.length).toBeLessThanOrEqual(200);
    expect(hit?.snippet).toMatch(/^…\S.* Then someone Published a map\. Publishing took years\.$/);
    expect(hit?.snippet).not.toMatch(new RegExp(`[${MATCH_START}${MATCH_END}<>]`));
    expect(hit?.matches).toEqual(["Published", "Publishing"]);
    expect(hit?.content).toBe(content);
  });

  it("never finds a post by its author's username or email", async () => {
    const app = await freshApp(dialect);
    await blog(app, [{ title: "Hello", content: "Plain words." }], "quillmaster");
    expect(await idsFor(app, "quillmaster")).toEqual([]);
    expect(await idsFor(app, "quillmaster@example.com")).toEqual([]);
    expect(await idsFor(app, "example")).toEqual([]);
  });

  it.each([
    ["only an exclusion", { q: "-lantern" }, "q"],
    ["only or", { q: "or" }, "q"],
    ["only punctuation", { q: "!!! ?" }, "q"],
    ["only spaces", { q: "   " }, "q"],
    ["a 201-character query", { q: "a".repeat(201) }, "q"],
    ["no query", {}, "q"],
    ["a query that is not a string", { q: 42 }, "q"],
    ["an unknown key", { q: "lantern", authorId: 1 }, "authorId"],
  ])("refuses %s with BAD_REQUEST naming the field, changing nothing", async (_, input, field) => {
    const app = await freshApp(dialect);
    await blog(app, [{ title: "Lantern", content: "Oil." }]);
    const error = await expectHttpRefused(
      app.db,
      () => app.http("post.search", input),
      "BAD_REQUEST",
    );
    expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual([field]);
  });
});
