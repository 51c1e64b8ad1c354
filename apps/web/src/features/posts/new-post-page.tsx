import { useNavigate } from "react-router";
import { withNotice } from "../../lib/notice";
import { usePageTitle } from "../../lib/use-page-title";
import { PostForm } from "./post-form";
import { useCreatePost } from "./use-post-mutations";

export function NewPostPage() {
  usePageTitle("New post");
  const navigate = useNavigate();
  const create = useCreatePost();
  return (
    <div className="row justify-content-center">
      <div className="col-lg-8">
        <h1 className="h2 mb-4">New post</h1>
        <PostForm
          submitLabel="Publish"
          pending={create.isPending}
          onSave={async (values) => {
            const post = await create.mutateAsync(values);
            await navigate(`/posts/${post.id}`, withNotice("Your post is published."));
          }}
        />
      </div>
    </div>
  );
}
