import { hasPermission } from "@folio/api/policy";
import { Link } from "react-router";
import { useAuth } from "../../lib/use-auth";
import { usePageTitle } from "../../lib/use-page-title";
import { PostList } from "./post-list";
import { useFeed } from "./use-posts";

export function HomePage() {
  usePageTitle("Home");
  const session = useAuth();
  const mayWrite = session !== null && hasPermission(session.user.role, "post.write");
  const feed = useFeed();
  return (
    <div className="row justify-content-center">
      <div className="col-lg-8">
        <h1 className="h2 mb-4">Latest posts</h1>
        <PostList
          query={feed}
          empty={
            <div className="text-center py-5 border rounded-3 bg-body-tertiary">
              <p className="lead mb-3">No posts yet.</p>
              {session && !mayWrite ? null : (
                <Link className="btn btn-primary" to={mayWrite ? "/posts/new" : "/register"}>
                  {mayWrite ? "Write the first post" : "Register to write the first post"}
                </Link>
              )}
            </div>
          }
        />
      </div>
    </div>
  );
}
