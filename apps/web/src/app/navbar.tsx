import { hasPermission, type Permission } from "@folio/api/policy";
import { useState } from "react";
import { Link, NavLink } from "react-router";
import { Avatar } from "../components/ui/avatar";
import { SearchBox } from "../features/search/search-box";
import { useAuth } from "../lib/use-auth";
import { ThemeToggle } from "./theme-toggle";

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `nav-link${isActive ? " active" : ""}`;

export function Navbar() {
  const session = useAuth();
  // Hides what the role cannot do; the server decides. The role follows user.me (see
  // current-user-refresh.ts), so a promotion or demotion shows here on the next click.
  const may = (permission: Permission) =>
    session !== null && hasPermission(session.user.role, permission);
  // The collapse is driven by React state: Bootstrap's own JS is not loaded.
  const [expanded, setExpanded] = useState(false);
  const close = () => setExpanded(false);
  return (
    <nav className="navbar navbar-expand-md bg-body-tertiary border-bottom" aria-label="Main">
      <div className="container">
        <Link className="navbar-brand fw-semibold" to="/" onClick={close}>
          Folio
        </Link>
        <button
          className="navbar-toggler"
          type="button"
          aria-controls="main-nav"
          aria-expanded={expanded}
          aria-label="Toggle navigation"
          onClick={() => setExpanded((value) => !value)}
        >
          <span className="navbar-toggler-icon" />
        </button>
        <div id="main-nav" className={`collapse navbar-collapse${expanded ? " show" : ""}`}>
          <ul className="navbar-nav me-auto">
            <li className="nav-item">
              <NavLink className={navLinkClass} to="/" end onClick={close}>
                Home
              </NavLink>
            </li>
            {may("post.write") ? (
              <li className="nav-item">
                <NavLink className={navLinkClass} to="/posts/new" onClick={close}>
                  New Post
                </NavLink>
              </li>
            ) : null}
            {session ? (
              <li className="nav-item">
                <NavLink className={navLinkClass} to="/my-posts" onClick={close}>
                  My posts
                </NavLink>
              </li>
            ) : null}
            {may("post.moderate") ? (
              <li className="nav-item">
                <NavLink className={navLinkClass} to="/review" onClick={close}>
                  Review
                </NavLink>
              </li>
            ) : null}
            {may("admin.manage") ? (
              <li className="nav-item">
                <NavLink className={navLinkClass} to="/admin" onClick={close}>
                  Admin
                </NavLink>
              </li>
            ) : null}
          </ul>
          <div className="me-md-3">
            <SearchBox onSearch={close} />
          </div>
          <ul className="navbar-nav align-items-md-center gap-md-2">
            {session ? (
              <li className="nav-item">
                <NavLink
                  className={(state) => `${navLinkClass(state)} d-flex align-items-center gap-2`}
                  to="/account"
                  onClick={close}
                >
                  <Avatar imageUrl={session.user.imageUrl} size="xs" />
                  {session.user.username}
                </NavLink>
              </li>
            ) : (
              <>
                <li className="nav-item">
                  <NavLink className={navLinkClass} to="/login" onClick={close}>
                    Login
                  </NavLink>
                </li>
                <li className="nav-item">
                  <NavLink className={navLinkClass} to="/register" onClick={close}>
                    Register
                  </NavLink>
                </li>
              </>
            )}
            <li className="nav-item py-2 py-md-0">
              <ThemeToggle />
            </li>
          </ul>
        </div>
      </div>
    </nav>
  );
}
