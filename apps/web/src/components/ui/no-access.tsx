import { Link } from "react-router";
import { usePageTitle } from "../../lib/use-page-title";

interface NoAccessProps {
  /** What is out of reach: "the review queue". */
  what: string;
  /** Who may see it: "editors, admins and the site's owner". */
  who: string;
}

/** The server refused (403) a page the account's role does not, or no longer, reach. */
export function NoAccess({ what, who }: NoAccessProps) {
  usePageTitle("No access");
  return (
    <div className="py-5 text-center">
      <p className="display-4 fw-bold text-body-secondary mb-2">403</p>
      <h1 className="h2">No access</h1>
      <p className="lead">
        You don't have access to {what}: it is for {who}. If your role changed recently, this is
        why.
      </p>
      <Link to="/" className="btn btn-primary">
        Back to the home page
      </Link>
    </div>
  );
}
