import { Link, useRouteError } from "react-router";
import { usePageTitle } from "../lib/use-page-title";

/** Last resort when a page crashes while rendering: say so instead of a blank screen. */
export function RouteError() {
  const error = useRouteError();
  usePageTitle("Something went wrong");
  console.error(error);
  return (
    <main id="main" className="container py-5">
      <h1 className="h2">Something went wrong</h1>
      <p>This page hit an unexpected problem. Reloading it usually helps.</p>
      <Link to="/" className="btn btn-primary">
        Back to the home page
      </Link>
    </main>
  );
}
