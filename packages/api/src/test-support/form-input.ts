// Sample inputs stay plain objects, so the generated matrices can spread and extend them; an
// object holding a file is sent as the multipart FormData a client would build from it.

/** A small valid PNG (8x8, green), for sample inputs that need a picture file. */
export const SAMPLE_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWNQWlWOFTEMLQkAeFlQwYvuevQAAAAASUVORK5CYII=",
  "base64",
);

export const samplePictureFile = () => new File([SAMPLE_PNG], "me.png", { type: "image/png" });

/** `{ id: 1, image: File }` → FormData with `id` "1"; any other input unchanged. */
export function asWireInput(input: unknown): unknown {
  if (input === null || typeof input !== "object" || input instanceof FormData) return input;
  const entries = Object.entries(input);
  if (!entries.some(([, value]) => value instanceof Blob)) return input;
  const form = new FormData();
  for (const [name, value] of entries) {
    form.append(name, value instanceof Blob ? value : String(value));
  }
  return form;
}
