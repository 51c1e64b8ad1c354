import { Avatar } from "../../components/ui/avatar";
import { ErrorAlert } from "../../components/ui/error-alert";
import { Spinner } from "../../components/ui/spinner";
import { usePageTitle } from "../../lib/use-page-title";
import { ActivitySection } from "./activity-section";
import { ChangePasswordForm } from "./change-password-form";
import { DangerZone } from "./danger-zone";
import { EmailStatus } from "./email-status";
import { PictureSection } from "./picture-section";
import { ProfileForm } from "./profile-form";
import { SessionsSection } from "./sessions-section";
import { useMe } from "./use-account";

export function AccountPage() {
  usePageTitle("Your account");
  const me = useMe();
  if (me.isPending) return <Spinner label="Loading your account…" />;
  if (!me.data) {
    return <ErrorAlert error={me.error} title="Couldn't load your account." onRetry={me.refetch} />;
  }
  const user = me.data;
  return (
    <div className="row justify-content-center">
      <div className="col-lg-8">
        <h1 className="h2 mb-4">Your account</h1>
        <div className="d-flex align-items-center gap-3 mb-5">
          <Avatar imageUrl={user.imageUrl} size="lg" />
          <dl className="mb-0">
            <dt className="small text-body-secondary">Username</dt>
            <dd className="fs-5 mb-1 text-break">{user.username}</dd>
            <dt className="small text-body-secondary">Email</dt>
            <dd className="mb-0 text-break">{user.email}</dd>
          </dl>
        </div>
        <EmailStatus user={user} />
        <PictureSection user={user} />
        <ProfileForm user={user} />
        <ChangePasswordForm username={user.username} />
        <SessionsSection />
        <ActivitySection />
        <DangerZone user={user} />
      </div>
    </div>
  );
}
