import defaultAvatar from "../../assets/default-avatar.svg";

interface AvatarProps {
  imageUrl: string | null;
  size?: "sm" | "lg";
}

/** A round profile picture; the default image until people can upload their own. */
export function Avatar({ imageUrl, size = "sm" }: AvatarProps) {
  const pixels = size === "lg" ? 96 : 40;
  // Decorative: the name always sits next to it, so alt="" avoids reading it twice.
  return (
    <img
      src={imageUrl ?? defaultAvatar}
      alt=""
      width={pixels}
      height={pixels}
      className="rounded-circle flex-shrink-0 bg-body-secondary"
    />
  );
}
