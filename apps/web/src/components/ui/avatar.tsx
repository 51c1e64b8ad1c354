import defaultAvatar from "../../assets/default-avatar.svg";

interface AvatarProps {
  imageUrl: string | null;
  size?: "xs" | "sm" | "lg";
}

const PIXELS = { xs: 28, sm: 40, lg: 96 } as const;

/** A round profile picture (256x256 WebP from the server), or the grey silhouette without one. */
export function Avatar({ imageUrl, size = "sm" }: AvatarProps) {
  const pixels = PIXELS[size];
  // Decorative: the name always sits next to it, so alt="" avoids reading it twice.
  return (
    <img
      src={imageUrl ?? defaultAvatar}
      alt=""
      width={pixels}
      height={pixels}
      loading="lazy"
      decoding="async"
      className="rounded-circle flex-shrink-0 bg-body-secondary object-fit-cover"
    />
  );
}
