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
import { offeredActions } from "./post-actions";
import { PostForm } from "./post-form";
import { StatusBadge } from "./status-badge";
import { useUpdatePost } from "./use-post-mutations";
import { parseId, usePostToEdit } from "./use-posts";
import { VisibilityBanner } from "./visibility-banner";

const SAVE = [{ intent: "save", label: "Save changes", pendingLabel: "Saving…" }];

export function EditPostPage() {
  const id = parseId(useParams().id);
  if (id === null) return <NotFound title="Post not found" />;
  return <EditPost id={id} />;
}

/** Title and content only: the post keeps its state (the post page moves it). */
function EditPost({ id }: { id: number }) {
  usePageTitle("Edit post");
  const session = useAuth();
  const navigate = useNavigate();
  const post = usePostToEdit(id);
  const update = useUpdatePost();
  const [refusal, setRefusal] = useState<unknown>(null);

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
  if (!offeredActions(session?.user ?? null, post.data).has("edit")) {
    return (
      <div className="row justify-content-center">
        <div className="col-lg-8">
          <h1 className="h2 mb-4">Not authorized</h1>
          <p>
            You can't edit this post: only its author (while their role allows it) and editors can.
          </p>
          {backToPost}
        </div>
      </div>
    );
  }

  return (
    <div className="row justify-content-center">
      <div className="col-lg-8">
        <h1 className="h2 mb-3">Edit post</h1>
        <p className="d-flex align-items-center gap-2">
          <StatusBadge status={post.data.status} />
          <span className="text-body-secondary small">Saving keeps the post in this state.</span>
        </p>
        <VisibilityBanner post={post.data} viewerId={session?.user.id} />
        <PostForm
          initial={{ title: post.data.title, content: post.data.content }}
          buttons={SAVE}
          pendingIntent={update.isPending ? "save" : null}
          onSave={async (values) => {
            // Title and content only: post.update takes no status (the form's schema has one).
            await update.mutateAsync({ id, title: values.title, content: values.content });
            await navigate(`/posts/${id}`, withNotice("Your changes are saved."));
          }}
          onError={(error) => {
            if (errorCode(error) !== "FORBIDDEN") return false;
            setRefusal(error);
            return true;
          }}
        />
        {backToPost}
      </div>
      <NotAuthorizedDialog error={refusal} onClose={() => setRefusal(null)} />
    </div>
  );
}
