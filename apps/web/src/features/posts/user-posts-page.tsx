import { useParams } from "react-router";
import { Avatar } from "../../components/ui/avatar";
import { ErrorAlert } from "../../components/ui/error-alert";
import { NotFound } from "../../components/ui/not-found";
import { Spinner } from "../../components/ui/spinner";
import { errorCode } from "../../lib/api-errors";
import { usePageTitle } from "../../lib/use-page-title";
import { PostList } from "./post-list";
import { parseId, usePostsByUser, useUser } from "./use-posts";

const USER_NOT_FOUND = "There is no user at this address.";

export function UserPostsPage() {
  const id = parseId(useParams().id);
  if (id === null) return <NotFound title="User not found" message={USER_NOT_FOUND} />;
  return <UserPosts userId={id} />;
}

function UserPosts({ userId }: { userId: number }) {
  const user = useUser(userId);
  const posts = usePostsByUser(userId);
  usePageTitle(user.data ? `Posts by ${user.data.username}` : "Posts");

  if (user.isPending) return <Spinner label="Loading…" />;
  if (errorCode(user.error) === "NOT_FOUND") {
    return <NotFound title="User not found" message={USER_NOT_FOUND} />;
  }
  if (!user.data) {
    return (
      <ErrorAlert error={user.error} title="Couldn't load this user." onRetry={user.refetch} />
    );
  }
  return (
    <div className="row justify-content-center">
      <div className="col-lg-8">
        <div className="d-flex align-items-center gap-3 mb-4">
          <Avatar imageUrl={user.data.imageUrl} size="lg" />
          <h1 className="h2 mb-0 text-break">Posts by {user.data.username}</h1>
        </div>
        <PostList
          query={posts}
          empty={<p className="lead text-body-secondary py-4">No posts by this user yet.</p>}
        />
      </div>
    </div>
  );
}
