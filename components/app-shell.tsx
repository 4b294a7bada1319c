import type { ReactNode } from "react";
import { signOutAction } from "@/lib/actions/sign-out";
import { type NavItem, NavLinks } from "./nav-links";
import { buttonClass } from "./ui/button";

type AppShellProps = {
  area: string;
  who: string;
  nav: NavItem[];
  banner?: ReactNode;
  children: ReactNode;
};

/** The signed-in frame: who you are, where you can go, and the way out. */
export function AppShell({ area, who, nav, banner, children }: AppShellProps) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-6 py-3">
          <div>
            <p className="text-sm font-semibold text-indigo-700">Wigiwork · {area}</p>
            <p className="text-xs text-slate-600">{`Signed in as ${who}`}</p>
          </div>
          <form action={signOutAction}>
            <button type="submit" className={buttonClass("secondary")}>
              Sign out
            </button>
          </form>
        </div>
        <div className="mx-auto max-w-6xl px-4 pb-2">
          <NavLinks items={nav} label={`${area} navigation`} />
        </div>
      </header>
      {banner}
      <main id="main" className="mx-auto max-w-6xl px-6 py-8">
        {children}
      </main>
    </div>
  );
}
