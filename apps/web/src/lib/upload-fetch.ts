// A fetch for tRPC's httpLink that reports upload progress. fetch() cannot (a streaming request
// body would need HTTP/2 and still says nothing about bytes sent), so a FormData body that
// registered a listener goes through XMLHttpRequest, whose `upload.onprogress` does.
// Everything else is plain fetch.

export type UploadProgressListener = (fraction: number) => void;

const listeners = new WeakMap<FormData, UploadProgressListener>();

/** Reports the progress of sending `form` (0 to 1) to `listener`, once it is sent. */
export function onUploadProgress(form: FormData, listener: UploadProgressListener): void {
  listeners.set(form, listener);
}

function responseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

export function fetchWithUploadProgress(
  input: RequestInfo | URL,
  init?: RequestInit,
): Promise<Response> {
  const body = init?.body;
  const listener = body instanceof FormData ? listeners.get(body) : undefined;
  if (!listener) return fetch(input, init);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(init?.method ?? "POST", String(input));
    new Headers(init?.headers).forEach((value, name) => {
      xhr.setRequestHeader(name, value);
    });
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) listener(event.loaded / event.total);
    };
    xhr.onload = () =>
      resolve(
        new Response(xhr.responseText, {
          status: xhr.status,
          headers: responseHeaders(xhr.getAllResponseHeaders()),
        }),
      );
    xhr.onerror = () => reject(new TypeError("The upload could not reach the server."));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    init?.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body as FormData);
  });
}
