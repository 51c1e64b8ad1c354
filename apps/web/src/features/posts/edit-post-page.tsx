import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { NotFound } from "../../components/ui/not-found";
import { Spinner } from "../../components/ui/spinner";
import { errorCode } from "../../lib/api-errors";
import { withNotice } from "../../lib/notice";
import { useAuth } from "../../lib/use-auth";
import { usePageTitle } from "../../lib/use-page-title";
import { NotAuthorizedDialog } from "./not-authorized-dialog";
import { PostForm } from "./post-form";
import { useUpdatePost } from "./use-post-mutations";
import { parseId, usePost } from "./use-posts";

export function EditPostPage() {
  const id = parseId(useParams().id);
  if (id === null) return <NotFound title="Post not found" />;
  return <EditPost id={id} />;
}

function EditPost({ id }: { id: number }) {
  usePageTitle("Edit post");
  const session = useAuth();
  const navigate = useNavigate();
  const post = usePost(id);
  const update = useUpdatePost();
  const [forbidden, setForbidden] = useState(false);

  if (post.isPending) return <Spinner label="Loading post…" />;
  if (errorCode(post.error) === "NOT_FOUND") return <NotFound title="Post not found" />;
  if (!post.data) {
    return (
      <ErrorAlert error={post.error} title="Couldn't load this post." onRetry={post.refetch} />
    );
  }
  const backToPost = (
    <Link to={`/posts/${id}`} className="btn btn-link">
      Back to the post
    </Link>
  );
  // The server decides (403); this only spares people a form they could never save.
  if (session?.user.id !== post.data.author.id) {
    return (
      <div className="row justify-content-center">
        <div className="col-lg-8">
          <h1 className="h2 mb-4">Not authorized</h1>
          <p>Only the author of a post can edit it.</p>
          {backToPost}
        </div>
      </div>
    );
  }

  return (
    <div className="row justify-content-center">
      <div className="col-lg-8">
        <h1 className="h2 mb-4">Edit post</h1>
        <PostForm
          initial={{ title: post.data.title, content: post.data.content }}
          submitLabel="Save changes"
          pending={update.isPending}
          onSave={async (values) => {
            // Title and content only: post.update takes no status (the form's schema has one).
            await update.mutateAsync({ id, title: values.title, content: values.content });
            await navigate(`/posts/${id}`, withNotice("Your changes are saved."));
          }}
          onError={(error) => {
            if (errorCode(error) !== "FORBIDDEN") return false;
            setForbidden(true);
            return true;
          }}
        />
        {backToPost}
      </div>
      <NotAuthorizedDialog open={forbidden} onClose={() => setForbidden(false)} />
    </div>
  );
}
