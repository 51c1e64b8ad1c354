// Raw tRPC-over-HTTP calls for wire tests: status, headers and body exactly as sent.
export interface WireResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON when the body is JSON, else the text. */
  // biome-ignore lint/suspicious/noExplicitAny: wire tests read many JSON shapes; assertions check them
  body: any;
  text: string;
}

export async function send(url: string, init: RequestInit = {}): Promise<WireResponse> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: response.status, headers: response.headers, body, text };
}

const bearer = (token?: string): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

export function query(base: string, path: string, input?: unknown, token?: string) {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return send(`${base}/trpc/${path}${search}`, { headers: bearer(token) });
}

export function mutate(
  base: string,
  path: string,
  input?: unknown,
  options: { token?: string; headers?: Record<string, string> } = {},
) {
  return send(`${base}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...bearer(options.token), ...options.headers },
    body: input === undefined ? undefined : JSON.stringify(input),
  });
}

let counter = 0;

/** Registers a fresh user; returns the session (throws on any refusal). */
export async function register(base: string, name?: string, headers?: Record<string, string>) {
  counter += 1;
  const username = name ?? `user${process.pid}x${counter}`;
  const password = "correct horse battery";
  const res = await mutate(
    base,
    "auth.register",
    { username, email: `${username}@example.com`, password },
    { headers },
  );
  if (res.status !== 200) throw new Error(`register failed: ${res.status} ${res.text}`);
  const session = res.body.result.data as { accessToken: string; user: { id: number } };
  return { ...session, username, password };
}

/** `user.setPicture` as a browser sends it: a multipart FormData body with `id` and `image`. */
export function uploadPicture(
  base: string,
  token: string,
  fields: { id: number | string; image: Uint8Array | string; name?: string; type?: string },
) {
  const form = new FormData();
  form.append("id", String(fields.id));
  const { image } = fields;
  if (typeof image === "string") form.append("image", image);
  else {
    const file = new File([new Uint8Array(image)], fields.name ?? "me.png", {
      type: fields.type ?? "image/png",
    });
    form.append("image", file);
  }
  return send(`${base}/trpc/user.setPicture`, {
    method: "POST",
    headers: bearer(token),
    body: form,
  });
}
