import { Link } from "react-router";
import { usePageTitle } from "../../lib/use-page-title";

interface NotFoundProps {
  title?: string;
  message?: string;
}

/** The 404 page: shown for unknown routes and for posts or users that do not exist. */
export function NotFound({
  title = "Page not found",
  message = "There is nothing at this address.",
}: NotFoundProps) {
  usePageTitle(title);
  return (
    <div className="py-5 text-center">
      <p className="display-4 fw-bold text-body-secondary mb-2">404</p>
      <h1 className="h2">{title}</h1>
      <p className="lead">{message}</p>
      <Link to="/" className="btn btn-primary">
        Back to the home page
      </Link>
    </div>
  );
}
