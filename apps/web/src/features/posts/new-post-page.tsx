import { useState } from "react";
import { useNavigate } from "react-router";
import { withNotice } from "../../lib/notice";
import { useAuth } from "../../lib/use-auth";
import { usePageTitle } from "../../lib/use-page-title";
import { type CreationIntent, creationIntents } from "./post-actions";
import { PostForm, type PostValues, type SaveButton } from "./post-form";
import { formatWhen } from "./post-status";
import { ScheduleDialog } from "./schedule-dialog";
import { useCreatePost } from "./use-post-mutations";

const BUTTONS: Record<CreationIntent, SaveButton<CreationIntent>> = {
  publish: { intent: "publish", label: "Publish", pendingLabel: "Publishing…" },
  schedule: { intent: "schedule", label: "Schedule…", pendingLabel: "Scheduling…" },
  draft: { intent: "draft", label: "Save draft", pendingLabel: "Saving…" },
  pending: { intent: "pending", label: "Submit for review", pendingLabel: "Submitting…" },
};

const NOTICES: Record<Exclude<CreationIntent, "schedule">, string> = {
  publish: "Your post is published.",
  draft: "Your draft is saved. Only you and editors can see it.",
  pending: "Your post is submitted for review. An editor will publish it or send it back.",
};

/** The editor for a new post: the buttons are the ways the account's role may save it. */
export function NewPostPage() {
  usePageTitle("New post");
  const session = useAuth();
  const navigate = useNavigate();
  const create = useCreatePost();
  const [pendingIntent, setPendingIntent] = useState<CreationIntent | null>(null);
  // The title and content waiting for a time to be chosen.
  const [toSchedule, setToSchedule] = useState<PostValues | null>(null);
  const intents = session ? creationIntents(session.user) : [];

  const save = async (values: PostValues, intent: CreationIntent) => {
    if (intent === "schedule") {
      create.reset();
      setToSchedule(values);
      return;
    }
    setPendingIntent(intent);
    try {
      const status = intent === "publish" ? "published" : intent;
      const post = await create.mutateAsync({ ...values, status });
      await navigate(`/posts/${post.id}`, withNotice(NOTICES[intent]));
    } finally {
      setPendingIntent(null);
    }
  };

  const schedule = async (publishAt: string) => {
    if (!toSchedule) return;
    const post = await create.mutateAsync({ ...toSchedule, status: "published", publishAt });
    const when = formatWhen(post.publishedAt ?? publishAt);
    await navigate(`/posts/${post.id}`, withNotice(`Your post is scheduled for ${when}.`));
  };

  return (
    <div className="row justify-content-center">
      <div className="col-lg-8">
        <h1 className="h2 mb-4">New post</h1>
        {intents.length === 0 ? (
          <p className="lead">
            Your account can read and comment, but not write posts. An admin can change that.
          </p>
        ) : (
          <PostForm
            buttons={intents.map((intent) => BUTTONS[intent])}
            pendingIntent={pendingIntent}
            onSave={save}
          />
        )}
      </div>
      <ScheduleDialog
        open={toSchedule !== null}
        title="Schedule this post"
        pending={create.isPending}
        onSchedule={schedule}
        onClose={() => setToSchedule(null)}
      />
    </div>
  );
}
