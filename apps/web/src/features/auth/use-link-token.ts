// Pages opened from a mail link read the token from the URL fragment (it never reaches a
// server log or a Referer) and take it out of the address bar at once, so it is neither kept
// in the history nor shown over someone's shoulder.
import { useLayoutEffect, useState } from "react";

function tokenInFragment(): string | null {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  return fragment.get("token");
}

export function useLinkToken(): string | null {
  const [token] = useState(tokenInFragment);
  useLayoutEffect(() => {
    if (window.location.hash) {
      const { pathname, search } = window.location;
      window.history.replaceState(window.history.state, "", `${pathname}${search}`);
    }
  }, []);
  return token;
}
