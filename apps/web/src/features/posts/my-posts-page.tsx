// "My posts": every post of the signed-in account, in every state or one (`?status=` in the
// address, so a filter can be bookmarked and the back button works), page by page.
import { hasPermission } from "@folio/api/policy";
import { Link, useSearchParams } from "react-router";
import { useAuth } from "../../lib/use-auth";
import { usePageTitle } from "../../lib/use-page-title";
import { MyPostCard } from "./my-post-card";
import { PostList } from "./post-list";
import { type PostStatus, STATUS_LABELS } from "./post-status";
import { useMyPosts } from "./use-posts";

const FILTERS: (PostStatus | undefined)[] = [
  undefined,
  "draft",
  "pending",
  "scheduled",
  "published",
];

const EMPTY: Record<PostStatus | "all", string> = {
  all: "You have not written any posts yet.",
  draft: "You have no drafts.",
  pending: "None of your posts is waiting for review.",
  scheduled: "None of your posts is scheduled.",
  published: "You have no published posts.",
};

function statusOf(raw: string | null): PostStatus | undefined {
  return raw !== null && Object.hasOwn(STATUS_LABELS, raw) ? (raw as PostStatus) : undefined;
}

export function MyPostsPage() {
  usePageTitle("My posts");
  const session = useAuth();
  const [params] = useSearchParams();
  const status = statusOf(params.get("status"));
  const posts = useMyPosts(status);
  if (!session) return null;
  const mayWrite = hasPermission(session.user.role, "post.write");

  return (
    <div className="row justify-content-center">
      <div className="col-lg-8">
        <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-3">
          <h1 className="h2 mb-0">My posts</h1>
          {mayWrite ? (
            <Link to="/posts/new" className="btn btn-primary">
              New post
            </Link>
          ) : null}
        </div>
        <nav aria-label="Filter by status" className="mb-4">
          <ul className="nav nav-pills flex-wrap">
            {FILTERS.map((filter) => (
              <li className="nav-item" key={filter ?? "all"}>
                <Link
                  to={filter ? `?status=${filter}` : "."}
                  className={`nav-link${filter === status ? " active" : ""}`}
                  aria-current={filter === status ? "page" : undefined}
                >
                  {filter ? STATUS_LABELS[filter] : "All"}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <PostList
          query={posts}
          renderPost={(post) => <MyPostCard post={post} viewer={session.user} />}
          empty={<p className="lead text-body-secondary py-4">{EMPTY[status ?? "all"]}</p>}
        />
      </div>
    </div>
  );
}
