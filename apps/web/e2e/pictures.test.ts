import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { apiClient, registerUser } from "./support/api";
import { describeInBrowser } from "./support/browser";
import { useFolio } from "./support/folio";
import { SMALL_PNG, uploadPictureFor } from "./support/pictures";

/** The src of every loaded image inside `selector` that is a profile picture. */
async function loadedPictures(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(`${selector} img[src^="/pictures/"]`)
    .evaluateAll((images) =>
      (images as HTMLImageElement[])
        .filter((image) => image.complete && image.naturalWidth === 256)
        .map((image) => new URL(image.src).pathname),
    );
}

describeInBrowser("profile pictures beside every person", () => {
  const folio = useFolio();

  it("shows a user's picture beside their posts in the feed, on the post page and their page", async () => {
    const ada = await registerUser(folio.url, "ada");
    const post = await apiClient(folio.url, ada.accessToken).post.create.mutate({
      title: "Pictured",
      content: "With a face.",
    });
    const url = await uploadPictureFor(folio.url, ada);
    const page = await folio.newPage();
    await page.goto("/");
    await page.getByRole("link", { name: "Pictured" }).waitFor();
    await expect.poll(() => loadedPictures(page, "main")).toContain(url);
    await page.goto(`/posts/${post.id}`);
    await page.getByRole("heading", { level: 1, name: "Pictured" }).waitFor();
    await expect.poll(() => loadedPictures(page, "main")).toEqual([url]);
    await page.goto(`/users/${ada.user.id}`);
    await page.getByRole("heading", { level: 1, name: `Posts by ${ada.user.username}` }).waitFor();
    await expect.poll(() => loadedPictures(page, "main")).toContain(url);
  });

  it("shows the silhouette for a user without a picture", async () => {
    const bea = await registerUser(folio.url, "bea");
    await apiClient(folio.url, bea.accessToken).post.create.mutate({
      title: "Faceless",
      content: "No picture.",
    });
    const page = await folio.newPage();
    await page.goto(`/users/${bea.user.id}`);
    await page.getByRole("link", { name: "Faceless" }).waitFor();
    expect(await page.locator('main img[src^="/pictures/"]').count()).toBe(0);
    expect(await page.locator("main img").count()).toBeGreaterThan(0);
  });

  it("shows the picture in the navbar's account link once uploaded", async () => {
    const cy = await registerUser(folio.url, "cy");
    const page = await folio.newPage(cy);
    await page.goto("/account");
    await page.getByRole("heading", { name: "Profile picture" }).waitFor();
    await page.getByLabel("Choose a picture").setInputFiles({
      name: "me.png",
      mimeType: "image/png",
      buffer: SMALL_PNG,
    });
    await page.getByRole("button", { name: "Upload picture" }).click();
    await page.getByRole("status").filter({ hasText: "Your picture is updated." }).waitFor();
    const { imageUrl } = await apiClient(folio.url, cy.accessToken).user.me.query();
    expect(imageUrl).toMatch(/^\/pictures\/.+\.webp$/);
    await expect.poll(() => loadedPictures(page, "nav")).toEqual([imageUrl]);
  });
});
