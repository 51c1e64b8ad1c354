import { Outlet } from "react-router";
import { useCurrentUserRefresh } from "./current-user-refresh";
import { FlashNotice } from "./flash-notice";
import { Navbar } from "./navbar";

export function Layout() {
  useCurrentUserRefresh();
  return (
    <div className="d-flex flex-column min-vh-100">
      <a className="visually-hidden-focusable position-absolute top-0 start-0 p-2" href="#main">
        Skip to main content
      </a>
      <header>
        <Navbar />
      </header>
      <main id="main" className="container py-4 flex-grow-1" tabIndex={-1}>
        <FlashNotice />
        <Outlet />
      </main>
      <footer className="border-top py-3 text-center text-body-secondary small">
        Folio, a small blog.
      </footer>
    </div>
  );
}
